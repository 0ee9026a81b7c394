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
    return `| single \`POST .../interactions\` at a fixed ${n(run.targetRatePerSecond)} req/s (open loop, ${n(run.requests)} requests, ${run.errors} errors, achieved ${n(run.achievedRatePerSecond)} req/s) | p50 **${run.latencyMs.p50} ms**, p90 ${run.latencyMs.p90} ms, p99 **${run.latencyMs.p99} ms** (max ${run.latencyMs.max} ms)${run.serverMainThreadMicrosPerRequest === undefined ? '' : `; server main thread ${run.serverMainThreadMicrosPerRequest} µs of CPU per request`}${verdict} |`;
  });
  const cpuPerEvent =
    r.bulk.serverMainThreadMicrosPerEvent === undefined
      ? ''
      : ` (server main thread: ${r.bulk.serverMainThreadMicrosPerEvent} µs of CPU per event)`;
  return `# HTTP benchmark (edge mode)

Written by \`npm run bench\` on ${when}. Machine: ${machine}.
Load average (1 / 5 / 15 min) when the suite started: ${r.loadAverage.before.join(' / ')}; when it ended:
${r.loadAverage.after.join(' / ')} (the server and the load share the machine's cores; anything else running shows
most in p99).
The compiled edge server runs in its own process (\`node dist/out-tsc/apps/edge/src/main.js\`: SQLite
log with personal data sealed per listener, every service in process); the load comes from another
process over loopback HTTP with keep-alive.

| measure | result |
|---|---|
| bulk history import (\`POST /v1/listeners/{id}/history\`, ${n(r.bulk.events)} events, 10,000 per call, one call at a time) | **${n(r.bulk.acceptedPerSecond)} events/s** accepted${cpuPerEvent}; ${n(r.bulk.foldedIntoProfilesPerSecond)} events/s until a read of the profile reflects the last one — target >= 20,000 events/s: ${bulkOk ? 'met' : 'missed'} |
${rows.join('\n')}

Latency is measured from each request's scheduled send time (a ticker thread says when each request
leaves; three untimed seconds at the same rate go first), so a server that falls behind shows it in the
numbers instead of silently lowering the rate. CPU is the server main thread's own time over the run,
divided by what it served.

Where the time goes (see [ADR 0007](../adr/0007-edge-write-path-on-one-thread.md)): one Node thread
validates, looks the track up, seals the event (AES-256-GCM), extends the hash chain and commits to
SQLite, and beside the requests four followers of the log (profiles, recommender, trust network,
catalog) fold every event. Work that used to be repeated is shared: appends arriving together commit
together, the log's tail and what was just sealed stay in memory for the followers, WAL checkpoints run
on a worker thread, and the profile follower gathers a busy second into one write per listener while
reads see the log. Bulk import is bound by that per-event work on the one thread; its AES-GCM runs on a
sealing thread while the previous chunk is written, and time-ordered event ids keep each commit's index
writes few ([ADR 0009](../adr/0009-bulk-import-per-event-cost.md)). Single-request latency is set by garbage collection: young-generation collections of ~2 ms
several times a second, and an old-generation collection every few tens of seconds that can hold
requests for 10-20 ms; a run that catches one shows it in p99 ([ADR 0008](../adr/0008-what-kept-requests-alive.md)
says what used to keep every request alive and made both far more frequent).
`;
}
