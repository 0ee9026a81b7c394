// npm run bench: measures what the issues set targets for, on this machine,
// and writes the results to docs/benchmarks/ (markdown for people, JSON for diffs).
import { mkdirSync, writeFileSync as writeReport } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchEventFlow, DEFAULT_EVENT_FLOW } from './suites/eventFlow';
import { eventFlowReport } from './reports/eventFlowReport';
import { httpReport } from './reports/httpReport';
import { playlistReport } from './reports/playlistReport';
import { benchHttp, DEFAULT_HTTP } from './suites/http';
import { benchPlaylist, DEFAULT_PLAYLIST_SIZES } from './suites/playlist';

const root = join(__dirname, '../..');

async function main() {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string' },
      quick: { type: 'boolean' },
      // e.g. --rates 1000: only these fixed rates for single POSTs (0 = none), while profiling one of them.
      rates: { type: 'string' },
      'bulk-calls': { type: 'string' },
      // Seconds of each fixed-rate run (default 10): longer runs to profile or snapshot the server.
      seconds: { type: 'string' },
      // Explore without overwriting the recorded reports in docs/benchmarks/.
      'dry-run': { type: 'boolean' },
    },
    strict: true,
  });
  const suites = values.suite ? values.suite.split(',') : ['event-flow', 'playlist', 'http'];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const outDir = join(root, 'docs/benchmarks');
  mkdirSync(outDir, { recursive: true });
  const writeFileSync = values['dry-run'] ? () => undefined : writeReport;
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

  for (const suite of suites) {
    if (suite === 'event-flow') {
      const options = values.quick
        ? { replayEvents: 20_000, listeners: 200, latencyEvents: 200, latencyRatePerSecond: 100 }
        : DEFAULT_EVENT_FLOW;
      const result = await benchEventFlow({ ...options, log });
      const when = new Date().toISOString();
      writeFileSync(
        join(outDir, 'event-flow.json'),
        `${JSON.stringify({ when, machine, ...result }, null, 2)}\n`,
      );
      writeFileSync(join(outDir, 'event-flow.md'), eventFlowReport(result, { when, machine }));
      if (!values['dry-run']) log('event-flow written to docs/benchmarks/event-flow.md');
      console.log(JSON.stringify(result, null, 2));
    } else if (suite === 'playlist') {
      const result = await benchPlaylist({
        log,
        sizes: values.quick ? [10_000, 50_000] : DEFAULT_PLAYLIST_SIZES,
        samples: values.quick ? 100 : 400,
      });
      const when = new Date().toISOString();
      writeFileSync(
        join(outDir, 'playlist.json'),
        `${JSON.stringify({ when, machine, ...result }, null, 2)}\n`,
      );
      writeFileSync(join(outDir, 'playlist.md'), playlistReport(result, { when, machine }));
      if (!values['dry-run']) log('playlist written to docs/benchmarks/playlist.md');
    } else if (suite === 'http') {
      const options = values.quick ? { ...DEFAULT_HTTP, bulkCalls: 3, seconds: 3 } : { ...DEFAULT_HTTP };
      if (values.rates !== undefined) options.ratesPerSecond = parseRates(values.rates);
      if (values['bulk-calls'] !== undefined) options.bulkCalls = Number(values['bulk-calls']);
      if (values.seconds !== undefined) options.seconds = Number(values.seconds);
      const result = await benchHttp({ ...options, log });
      const when = new Date().toISOString();
      writeFileSync(join(outDir, 'http.json'), `${JSON.stringify({ when, machine, ...result }, null, 2)}\n`);
      writeFileSync(join(outDir, 'http.md'), httpReport(result, { when, machine }));
      if (!values['dry-run']) log('http written to docs/benchmarks/http.md');
      console.log(JSON.stringify(result, null, 2));
    } else {
      throw new Error(`unknown suite "${suite}" (known: event-flow, playlist, http)`);
    }
  }
}

function parseRates(text: string): number[] {
  const rates = text
    .split(',')
    .map(Number)
    .filter((rate) => rate !== 0);
  for (const rate of rates)
    if (!Number.isFinite(rate) || rate < 0) throw new Error(`--rates: "${text}" is not a list of requests per second`);
  return rates;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
