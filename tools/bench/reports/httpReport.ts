import type { benchHttp } from '../suites/http';

type HttpResult = Awaited<ReturnType<typeof benchHttp>>;
const n = (value: number) => value.toLocaleString('en-US');

export function httpReport(r: HttpResult, { when, machine }: { when: string; machine: string }): string {
  const bulkOk = r.bulk.acceptedPerSecond >= 20_000;
  const rows = r.single.map((run) => {
    const kept = run.achievedRatePerSecond >= 0.95 * run.targetRatePerSecond && run.errors === 0;
    const verdict =
      run.targetRatePerSecond === 1000
        ? ` — target p99 <= 5 ms: ${kept && run.latencyMs.p99 <= 5 ? 'met' : 'missed'}`
        : '';
    return `| single \`POST .../interactions\` at a fixed ${n(run.targetRatePerSecond)} req/s (open loop, ${n(run.requests)} requests, ${run.errors} errors, achieved ${n(run.achievedRatePerSecond)} req/s) | p50 **${run.latencyMs.p50} ms**, p90 ${run.latencyMs.p90} ms, p99 **${run.latencyMs.p99} ms** (max ${run.latencyMs.max} ms)${verdict} |`;
  });
  return `# HTTP benchmark (edge mode)

Written by \`npm run bench\` on ${when}. Machine: ${machine}.
The compiled edge server runs in its own process (\`node dist/out-tsc/apps/edge/src/main.js\`: SQLite
log with personal data sealed per listener, every service in process); the load comes from another
process over loopback HTTP with keep-alive.

| measure | result |
|---|---|
| bulk history import (\`POST /v1/listeners/{id}/history\`, ${n(r.bulk.events)} events) | **${n(r.bulk.acceptedPerSecond)} events/s** accepted; ${n(r.bulk.foldedIntoProfilesPerSecond)} events/s until the profile reflects the last one — target >= 20,000 events/s: ${bulkOk ? 'met' : 'missed'} |
${rows.join('\n')}

Latency is measured from each request's scheduled send time, so a server that falls behind shows
it in the numbers instead of silently lowering the rate. In edge mode one Node thread does
everything for each event — validation, the catalog lookup, sealing, the hash chain, the SQLite
commit — and, beside the requests, four followers of the log (profiles, recommender, trust
network, catalog) fold every event; that shared thread is what bounds both numbers today.
`;
}
