import type { benchEventFlow } from '../suites/eventFlow';

type EventFlowResult = Awaited<ReturnType<typeof benchEventFlow>>;

const n = (value: number) => value.toLocaleString('en-US');
const REPLAY_TARGET = 200_000;

export function eventFlowReport(
  r: EventFlowResult,
  { when, machine }: { when: string; machine: string },
): string {
  const replayVerdict = r.replayEventsPerSecond >= REPLAY_TARGET ? 'meets' : 'misses';
  return `# Event flow benchmark

Written by \`npm run bench\` on ${when}. Machine: ${machine}.
${n(r.events)} simulated events over ${n(r.listeners)} listeners (plays, skips, likes, ratings, messages, preferences).

| measure | result | raw limit beside it | ratio |
|---|---|---|---|
| replay (rebuild all taste profiles from the SQLite log) | **${n(r.replayEventsPerSecond)} events/s** | raw read of the log: ${n(r.rawReadPerSecond)} events/s | ${r.ratios.replayVsRawRead} |
| log append (\`SqliteEventStore\`, 50 events per append, hash chain) | ${n(r.logAppendsPerSecond)} events/s | raw batched SQLite inserts: ${n(r.rawSqliteInsertsPerSecond)} rows/s | ${r.ratios.logAppendVsRawInsert} |
| bus publish (\`JetStreamEventBus\`, in order, one ack at a time) | ${n(r.busPublishPerSecond)} events/s | raw JetStream publish: ${n(r.rawJetStreamPublishPerSecond.sequential)}/s sequential, ${n(r.rawJetStreamPublishPerSecond.pipelined)}/s pipelined | ${r.ratios.busPublishVsRawSequentialPublish} |
| publish-to-profile latency (append → relay → JetStream → projection → read model + Redis) | p50 **${r.publishToProfileMs.p50} ms**, p99 **${r.publishToProfileMs.p99} ms** (max ${r.publishToProfileMs.max} ms, ${r.publishToProfileMs.samples} events at a fixed rate) | | |

Target: replay >= ${n(REPLAY_TARGET)} events/s — this run ${replayVerdict} it
(${(r.replayEventsPerSecond / REPLAY_TARGET).toFixed(2)}x the target).

How to read it: replay is bounded by reading and decoding the log (JSON of
each event's data and metadata) and by the fold itself (events at today's
schema version are folded as stored — they were validated when written —
older ones are upcast and validated); the ratio to a raw read shows the cost
of the fold. The bus publishes one event at a time so that the stream's
last message is always a safe place for the outbox relay to resume.
`;
}
