import type { benchHttp } from '../suites/http';

type HttpResult = Awaited<ReturnType<typeof benchHttp>>;
const n = (value: number) => value.toLocaleString('en-US');

export function httpReport(r: HttpResult, { when, machine }: { when: string; machine: string }): string {
  const bulkOk = r.bulk.acceptedPerSecond >= 20_000;
  const latencyOk =
    r.single.latencyMs.p99 <= 5 && r.single.achievedRatePerSecond >= 0.95 * r.single.targetRatePerSecond;
  return `# HTTP benchmark (edge mode)

Written by \`npm run bench\` on ${when}. Machine: ${machine}.
The compiled edge server runs in its own process (\`node dist/out-tsc/apps/edge/src/main.js\`, SQLite
log, in-process bus); the load comes from another process over loopback HTTP with keep-alive.

| measure | result | target |
|---|---|---|
| bulk history import (\`POST /v1/listeners/{id}/history\`, ${n(r.bulk.events)} events) | **${n(r.bulk.acceptedPerSecond)} events/s** accepted; ${n(r.bulk.foldedIntoProfilesPerSecond)} events/s until the profile reflects the last one | >= 20,000 events/s — ${bulkOk ? 'met' : 'missed'} |
| single \`POST .../interactions\` at a fixed ${n(r.single.targetRatePerSecond)} req/s (open loop, ${n(r.single.requests)} requests, ${r.single.errors} errors, achieved ${n(r.single.achievedRatePerSecond)} req/s) | p50 **${r.single.latencyMs.p50} ms**, p90 ${r.single.latencyMs.p90} ms, p99 **${r.single.latencyMs.p99} ms** (max ${r.single.latencyMs.max} ms) | p99 <= 5 ms — ${latencyOk ? 'met' : 'missed'} |

Latency is measured from each request's scheduled send time, so a stall shows up
in the numbers instead of silently lowering the rate.
`;
}
