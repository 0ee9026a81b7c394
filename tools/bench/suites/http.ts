import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@qfzz/testing';
import { latencySummary, round } from '../measure';

const root = join(__dirname, '../../..');
const ADMIN = 'bench-admin-token-0123456789';

export interface HttpBenchOptions {
  log: (line: string) => void;
  /** Bulk history calls of `bulkItems` items each. */
  bulkCalls: number;
  bulkItems: number;
  /** Single-event POSTs at fixed rates, one run each (the target rate last). */
  ratesPerSecond: number[];
  seconds: number;
  listeners: number;
}

export const DEFAULT_HTTP: Omit<HttpBenchOptions, 'log'> = {
  bulkCalls: 10,
  bulkItems: 10_000,
  ratesPerSecond: [200, 1000],
  seconds: 10,
  listeners: 50,
};

/** The edge server as a user runs it (compiled, its own process), loaded over real HTTP on loopback. */
export async function benchHttp(options: HttpBenchOptions) {
  const { log } = options;
  log('compiling the edge app');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'apps/edge/tsconfig.app.json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`edge build failed:\n${build.stdout}${build.stderr}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'qfzz-bench-http-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // QFZZ_BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.QFZZ_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, 'dist/out-tsc/apps/edge/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      QFZZ_DATA_DIR: dataDir,
      QFZZ_ADMIN_TOKEN: ADMIN,
      // A load test is many requests per listener; the default per-listener limit would answer 429.
      QFZZ_RATE_LIMIT_PER_SECOND: '100000',
      QFZZ_RATE_LIMIT_BURST: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // QFZZ_BENCH_SERVER_LOG=FILE keeps the server's whole output (e.g. with --trace-gc in the node args).
  const keep = process.env.QFZZ_BENCH_SERVER_LOG ? createWriteStream(process.env.QFZZ_BENCH_SERVER_LOG) : undefined;
  server.stdout?.on('data', (c) => ((output = (output + c).slice(-10_000)), keep?.write(c)));
  server.stderr?.on('data', (c) => ((output = (output + c).slice(-10_000)), keep?.write(c)));
  try {
    await waitForReady(base, server, () => output);
    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 400) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };

    log('importing a 1,000-track catalog');
    const genres = ['rock', 'jazz', 'edm', 'pop', 'r&b', 'rap', 'latin', 'indie'];
    const tracks = Array.from({ length: 1000 }, (_, i) => ({
      trackId: `bench-${i}`,
      title: `Track ${i}`,
      artist: `Artist ${i % 120}`,
      genre: genres[i % genres.length],
      energy: (i % 100) / 100,
      valence: ((i * 7) % 100) / 100,
      tempo: 80 + (i % 100),
    }));
    await call('POST', '/v1/catalog/tracks', { tracks }, ADMIN);
    const listeners: { listenerId: string; token: string }[] = [];
    for (let i = 0; i < options.listeners; i++)
      listeners.push(await call('POST', '/v1/listeners', { name: `bench ${i}` }));
    // The import is folded in asynchronously: wait until a lookup of the last track succeeds.
    await retry(() =>
      call(
        'POST',
        `/v1/listeners/${listeners[0].listenerId}/interactions`,
        { trackId: 'bench-999', type: 'play' },
        listeners[0].token,
      ),
    );

    log(`bulk history: ${options.bulkCalls} calls of ${options.bulkItems} items`);
    let lastPosition = 0;
    const bulkStarted = process.hrtime.bigint();
    for (let c = 0; c < options.bulkCalls; c++) {
      const who = listeners[c % listeners.length];
      const items = Array.from({ length: options.bulkItems }, (_, i) => ({
        trackId: `bench-${(c * 31 + i) % 1000}`,
        type: i % 5 === 0 ? 'like' : 'play',
      }));
      const accepted = await call('POST', `/v1/listeners/${who.listenerId}/history`, { items }, who.token);
      lastPosition = accepted.position;
    }
    const bulkSeconds = Number(process.hrtime.bigint() - bulkStarted) / 1e9;
    const bulkEvents = options.bulkCalls * options.bulkItems;
    const who = listeners[(options.bulkCalls - 1) % listeners.length];
    await call(
      'GET',
      `/v1/listeners/${who.listenerId}/profile?minPosition=${lastPosition}`,
      undefined,
      who.token,
    );
    const foldedSeconds = Number(process.hrtime.bigint() - bulkStarted) / 1e9;

    const single = [];
    for (const ratePerSecond of options.ratesPerSecond) {
      log(`single interactions: ${ratePerSecond}/s for ${options.seconds}s`);
      single.push(await fixedRate(call, listeners, ratePerSecond, options.seconds));
    }
    return {
      bulk: {
        events: bulkEvents,
        acceptedPerSecond: round(bulkEvents / bulkSeconds),
        foldedIntoProfilesPerSecond: round(bulkEvents / foldedSeconds),
      },
      single,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForReady(base: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`edge server exited:\n${output()}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`edge server not ready:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function retry<T>(work: () => Promise<T>, attempts = 100): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

type Call = (method: string, path: string, body?: unknown, token?: string) => Promise<unknown>;

/** Open loop: each request leaves at its own time, whatever the earlier ones are doing, so a stall shows in the latencies. */
async function fixedRate(
  call: Call,
  listeners: { listenerId: string; token: string }[],
  ratePerSecond: number,
  seconds: number,
) {
  const latencies: number[] = [];
  let errors = 0;
  const total = ratePerSecond * seconds;
  const interval = 1000 / ratePerSecond;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const listener = listeners[i % listeners.length];
    inFlight.push(
      call(
        'POST',
        `/v1/listeners/${listener.listenerId}/interactions`,
        { trackId: `bench-${i % 1000}`, type: 'play' },
        listener.token,
      ).then(
        () => void latencies.push(performance.now() - due),
        () => void errors++,
      ),
    );
  }
  await Promise.all(inFlight);
  const summary = latencySummary(latencies);
  return {
    targetRatePerSecond: ratePerSecond,
    achievedRatePerSecond: round(total / ((performance.now() - started) / 1000)),
    requests: total,
    errors,
    latencyMs: {
      samples: summary.samples,
      p50: round(summary.p50, 2),
      p90: round(summary.p90, 2),
      p99: round(summary.p99, 2),
      max: round(summary.max, 2),
    },
  };
}
