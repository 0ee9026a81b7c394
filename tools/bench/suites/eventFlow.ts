import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { connect, headers } from 'nats';
import { RedisHotCache } from '@qfzz/cache';
import { listenerStreamId, newQfzzEvent } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { EVENTS_STREAM, JetStreamEventBus, OutboxRelay } from '@qfzz/messaging';
import { EncryptingEventStore, SqliteDataKeyStore } from '@qfzz/privacy';
import {
  rebuildTasteProfiles,
  SqliteProfileReadModels,
  TasteProfileProjection,
} from '@qfzz/profile-projection';
import { appendSimulatedListening } from '@qfzz/profile-projection/testing';
import { startNats, startRedis } from '@qfzz/testing';
import { latencySummary, round, throughput } from '../measure';

export interface EventFlowOptions {
  replayEvents: number;
  listeners: number;
  latencyEvents: number;
  latencyRatePerSecond: number;
  log: (line: string) => void;
}

export const DEFAULT_EVENT_FLOW: Omit<EventFlowOptions, 'log'> = {
  replayEvents: 200_000,
  listeners: 2_000,
  latencyEvents: 1_000,
  latencyRatePerSecond: 100,
};

/** The event flow of issue 3: replay speed, publish-to-profile latency, and the raw limits beside them. */
export async function benchEventFlow(options: EventFlowOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'qfzz-bench-flow-'));
  const [nats, redisServer] = await Promise.all([startNats(), startRedis()]);
  try {
    const { log } = options;

    log(`raw SQLite: batched inserts of ${options.replayEvents} rows`);
    const rawInsert = await rawSqliteInserts(join(dir, 'raw.db'), options.replayEvents);

    log(`log append: ${options.replayEvents} events over ${options.listeners} listeners`);
    const store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
    const append = await throughput(options.replayEvents, async () => {
      await appendSimulatedListening(store, {
        listeners: options.listeners,
        events: options.replayEvents,
        batch: 50,
      });
    });

    log('raw read of the whole log');
    const rawRead = await throughput(options.replayEvents, async () => {
      for (let after = 0; ; ) {
        const batch = await store.readAll({ after, limit: 5000 });
        if (batch.nextPosition === after) break;
        after = batch.nextPosition;
      }
    });

    log('replay: rebuild every taste profile from position 0');
    const readModels = new SqliteProfileReadModels(join(dir, 'read-models.db'));
    const replay = await rebuildTasteProfiles({ store, readModels });

    log(`sealed log: the same ${options.replayEvents} events appended through EncryptingEventStore`);
    const sealed = await sealedReplay(dir, options);

    log('raw JetStream publish (sequential acks, then pipelined)');
    const rawPublish = await rawJetStreamPublish(nats.url, 5_000);

    log('bus publish through JetStreamEventBus (in order, one ack at a time)');
    const bus = await JetStreamEventBus.connect(nats.url);
    const published = (await store.readAll({ after: 0, limit: 5_000 })).events;
    const busPublish = await throughput(published.length, () => bus.publish(published));

    log(`publish-to-profile latency: ${options.latencyEvents} events at ${options.latencyRatePerSecond}/s`);
    // A fresh log and an empty bus stream, so the relay and the consumer start at zero.
    await (await bus.connection.jetstreamManager()).streams.purge(EVENTS_STREAM);
    const latencyStore = new SqliteEventStore({ file: join(dir, 'latency.db') });
    const latencyReadModels = new SqliteProfileReadModels(join(dir, 'latency-read-models.db'));
    const latency = await publishToProfileLatency(
      latencyStore,
      bus,
      latencyReadModels,
      redisServer.url,
      options,
    );
    await latencyStore.close();
    await latencyReadModels.close();

    await bus.close();
    await readModels.close();
    await store.close();
    return {
      events: options.replayEvents,
      listeners: options.listeners,
      rawSqliteInsertsPerSecond: round(rawInsert.perSecond),
      logAppendsPerSecond: round(append.perSecond),
      rawReadPerSecond: round(rawRead.perSecond),
      replayEventsPerSecond: round(replay.eventsPerSecond),
      sealedReplayEventsPerSecond: round(sealed.eventsPerSecond),
      rawJetStreamPublishPerSecond: {
        sequential: round(rawPublish.sequential),
        pipelined: round(rawPublish.pipelined),
      },
      busPublishPerSecond: round(busPublish.perSecond),
      publishToProfileMs: latency,
      ratios: {
        logAppendVsRawInsert: round(append.perSecond / rawInsert.perSecond, 3),
        replayVsRawRead: round(replay.eventsPerSecond / rawRead.perSecond, 3),
        sealedReplayVsReplay: round(sealed.eventsPerSecond / replay.eventsPerSecond, 3),
        replayVsRawInsert: round(replay.eventsPerSecond / rawInsert.perSecond, 3),
        busPublishVsRawSequentialPublish: round(busPublish.perSecond / rawPublish.sequential, 3),
      },
    };
  } finally {
    await Promise.all([nats.stop(), redisServer.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The replay edge mode really runs (`qfzz replay`, `POST /v1/admin/replay`): over
 * `EncryptingEventStore`, each listener's events sealed with their own key
 * (`SqliteDataKeyStore`, as in the data dir), so every event is decrypted.
 */
async function sealedReplay(dir: string, options: EventFlowOptions) {
  const keys = new SqliteDataKeyStore(join(dir, 'keys.db'));
  const store = new EncryptingEventStore(new SqliteEventStore({ file: join(dir, 'sealed.db') }), { keys });
  const readModels = new SqliteProfileReadModels(join(dir, 'sealed-read-models.db'));
  try {
    await appendSimulatedListening(store, {
      listeners: options.listeners,
      events: options.replayEvents,
      batch: 50,
    });
    options.log('replay of the sealed log');
    return await rebuildTasteProfiles({ store, readModels });
  } finally {
    await readModels.close();
    await store.close();
    await keys.close();
  }
}

async function rawSqliteInserts(file: string, rows: number) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT UNIQUE, stream_id TEXT, version INTEGER, data TEXT, UNIQUE (stream_id, version))',
  );
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?)');
  const data = JSON.stringify({
    track: { trackId: 't-1-42', genre: 'jazz', artist: 'jazz artist 7', energy: 0.4 },
  });
  const result = await throughput(rows, () => {
    const batch = db.transaction((from: number) => {
      for (let i = from; i < Math.min(from + 1000, rows); i++)
        insert.run(i + 1, randomUUID(), `s-${i % 2000}`, i, data);
    });
    for (let from = 0; from < rows; from += 1000) batch(from);
  });
  db.close();
  return result;
}

async function rawJetStreamPublish(url: string, count: number) {
  const nc = await connect({ servers: url });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: 'BENCH_RAW', subjects: ['bench.raw.>'] });
  const js = nc.jetstream();
  const body = new TextEncoder().encode(JSON.stringify({ n: 1, pad: 'x'.repeat(300) }));
  const sequential = await throughput(count, async () => {
    for (let i = 0; i < count; i++) await js.publish('bench.raw.seq', body, { msgID: randomUUID() });
  });
  const pipelined = await throughput(count, async () => {
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      inFlight.push(js.publish('bench.raw.pipe', body, { msgID: randomUUID(), headers: headers() }));
      if (inFlight.length >= 256) await Promise.all(inFlight.splice(0));
    }
    await Promise.all(inFlight);
  });
  await nc.close();
  return { sequential: sequential.perSecond, pipelined: pipelined.perSecond };
}

/** Append -> outbox relay -> JetStream -> projection -> read model and Redis: the whole write path of cluster mode. */
async function publishToProfileLatency(
  store: SqliteEventStore,
  bus: JetStreamEventBus,
  readModels: SqliteProfileReadModels,
  redisUrl: string,
  options: EventFlowOptions,
) {
  const relay = new OutboxRelay(store, bus, { pollIntervalMs: 5 }).start();
  const cache = new RedisHotCache({ url: redisUrl });
  const projection = new TasteProfileProjection(store, readModels.live(), { cache });
  const appendedAt = new Map<string, bigint>();
  const samples: number[] = [];
  let settle: () => void = () => undefined;
  const allSeen = new Promise<void>((resolve) => (settle = resolve));
  const consumer = await bus.consume({
    durableName: `bench-latency-${randomUUID().slice(0, 8)}`,
    streamKind: 'listener',
    handle: async (event) => {
      await projection.apply(event);
      const started = appendedAt.get(event.eventId);
      if (started === undefined) return;
      appendedAt.delete(event.eventId);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (samples.length === options.latencyEvents) settle();
    },
  });
  const interval = 1000 / options.latencyRatePerSecond;
  const startedAt = Date.now();
  for (let i = 0; i < options.latencyEvents; i++) {
    const wait = startedAt + i * interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const event = newQfzzEvent('TrackLiked', {
      track: { trackId: `lat-${i}`, genre: 'jazz', artist: 'Latency Quartet' },
    });
    appendedAt.set(event.eventId, process.hrtime.bigint());
    await store.appendToStream(listenerStreamId(`latency-${i % 50}`), [event]);
  }
  await Promise.race([allSeen, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  await consumer.stop();
  await relay.stop();
  await cache.close();
  const summary = latencySummary(samples);
  return {
    ...summary,
    p50: round(summary.p50, 2),
    p90: round(summary.p90, 2),
    p99: round(summary.p99, 2),
    max: round(summary.max, 2),
  };
}
