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
| replay of a sealed log (the same events, personal data sealed per listener: \`EncryptingEventStore\` over the SQLite log, keys in \`SqliteDataKeyStore\`) | ${n(r.sealedReplayEventsPerSecond)} events/s | the plain replay above | ${r.ratios.sealedReplayVsReplay} |
| log append (\`SqliteEventStore\`, 50 events per append, hash chain) | ${n(r.logAppendsPerSecond)} events/s | raw batched SQLite inserts: ${n(r.rawSqliteInsertsPerSecond)} rows/s | ${r.ratios.logAppendVsRawInsert} |
| bus publish (\`JetStreamEventBus\`, in order, one ack at a time) | ${n(r.busPublishPerSecond)} events/s | raw JetStream publish: ${n(r.rawJetStreamPublishPerSecond.sequential)}/s sequential, ${n(r.rawJetStreamPublishPerSecond.pipelined)}/s pipelined | ${r.ratios.busPublishVsRawSequentialPublish} |
| publish-to-profile latency (append → relay → JetStream → projection → read model + Redis) | p50 **${r.publishToProfileMs.p50} ms**, p99 **${r.publishToProfileMs.p99} ms** (max ${r.publishToProfileMs.max} ms, ${r.publishToProfileMs.samples} events at a fixed rate) | | |

Target: replay >= ${n(REPLAY_TARGET)} events/s, for the plain log (the first row) — this run
${replayVerdict} it (${(r.replayEventsPerSecond / REPLAY_TARGET).toFixed(2)}x the target). The sealed row is
beside it to show what sealing personal data costs a replay: it is what \`qfzz replay\` and
\`POST /v1/admin/replay\` run on an edge data dir. It has no target of its own.

How to read it: a replay reads the log in batches without the hash chain
(\`readAllForReplay\`); SQLite writes each batch as one JSON text on a second
thread while the first parses the previous batch and folds it (events at
today's schema version are folded as stored — they were validated when
written — older ones are upcast and validated), then writes the profiles into
a fresh generation. The ratio to a raw read of every column (\`readAll\`)
shows what the fold and the profile writes add. A sealed log adds an
AES-256-GCM decryption and a second JSON parse per event, and a key lookup
per listener per batch; that is the gap between the two replay rows.
The bus publishes one event at a time so that the stream's
last message is always a safe place for the outbox relay to resume.
`;
}
