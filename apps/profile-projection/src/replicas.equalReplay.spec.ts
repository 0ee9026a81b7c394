import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { connect } from 'nats';
import { EVENTS_STREAM } from '@qfzz/messaging';
import { PROFILE_PROJECTION_DURABLE } from '@qfzz/profile-projection';
import { foldTasteProfile, listenerStreamId } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { profileCacheKey, SqliteProfileReadModels, type StoredProfile } from '@qfzz/profile-projection';
import { appendSimulatedListening } from '@qfzz/profile-projection/testing';
import {
  freePort,
  startAppProcess,
  startNats,
  startRedis,
  type RunningApp,
  type RunningNats,
  type RunningRedis,
} from '@qfzz/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('profile-projection replicas over real NATS and Redis', () => {
  let nats: RunningNats;
  let redisServer: RunningRedis;
  let dir: string;
  let store: SqliteEventStore;
  let readModels: SqliteProfileReadModels;
  let redis: Redis;
  let replicas: RunningApp[] = [];

  beforeEach(async () => {
    [nats, redisServer] = await Promise.all([startNats(), startRedis()]);
    dir = mkdtempSync(join(tmpdir(), 'qfzz-replicas-'));
    store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
    readModels = new SqliteProfileReadModels(join(dir, 'read-models.db'));
    redis = new Redis(redisServer.url);
  }, 60_000);

  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    replicas = [];
    redis.disconnect();
    await store.close();
    await readModels.close();
    await Promise.all([nats.stop(), redisServer.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const startReplicas = async (count: number) => {
    const env = {
      NATS_URL: nats.url,
      REDIS_URL: redisServer.url,
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_DATA_DIR: dir,
      QFZZ_SQLITE_FILE: join(dir, 'qfzz.db'),
      QFZZ_READ_MODEL_FILE: join(dir, 'read-models.db'),
      QFZZ_ACK_WAIT_MS: '1500',
    };
    const started = await Promise.all(
      Array.from({ length: count }, async () =>
        startAppProcess({ app: 'profile-projection', port: await freePort(), env, readyPath: '/health' }),
      ),
    );
    replicas.push(...started);
    return started;
  };

  /** Every listener's read model row, and its hot cache entry, equals a fresh fold of the stream. */
  const expectEveryProfileToEqualAFreshReplay = async (ids: string[], timeoutMs: number) => {
    const expected = new Map<string, { version: number; profile: unknown }>();
    for (const id of ids) {
      const stream = await store.readStream(listenerStreamId(id));
      expected.set(id, { version: stream.length, profile: foldTasteProfile(id, stream) });
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await readModels.live().list();
      const behind = ids.filter(
        (id) => rows.find((r) => r.listenerId === id)?.version !== expected.get(id)?.version,
      );
      if (behind.length === 0) break;
      if (Date.now() > deadline) {
        throw new Error(
          `${behind.length} profiles never caught up:\n${replicas.map((r) => r.output()).join('\n---\n')}`,
        );
      }
      await sleep(250);
    }
    for (const id of ids) {
      const row = await readModels.live().get(id);
      expect({ id, profile: row?.profile }).toEqual({ id, profile: expected.get(id)?.profile });
    }
    return expected;
  };

  const cachedProfile = async (id: string): Promise<StoredProfile | undefined> => {
    const json = await redis.hget(`qfzz:${profileCacheKey(id)}`, 'j');
    return json ? (JSON.parse(json) as StoredProfile) : undefined;
  };

  it('3 replicas on one durable, 20k events over 200 listeners, one stalled past the ack wait and one killed: every profile equals a fresh replay', async () => {
    const [, stalled, killed] = await startReplicas(3);
    const writing = appendSimulatedListening(store, { listeners: 200, events: 20_000, batch: 4, seed: 42 });

    await sleep(1500);
    // A stall longer than the ack wait: the bus redelivers its in-flight events to the others.
    stalled.signal('SIGSTOP');
    await sleep(3500);
    stalled.signal('SIGCONT');
    await sleep(500);
    killed.signal('SIGKILL');

    const ids = await writing;
    expect(await store.headPosition()).toBe(20_000);
    const expected = await expectEveryProfileToEqualAFreshReplay(ids, 120_000);

    // The stall really made the bus deliver some events more than once.
    const nc = await connect({ servers: nats.url });
    const consumer = await (
      await nc.jetstreamManager()
    ).consumers.info(EVENTS_STREAM, PROFILE_PROJECTION_DURABLE);
    await nc.close();
    expect(consumer.delivered.consumer_seq).toBeGreaterThan(consumer.delivered.stream_seq);

    // The hot copies in Redis are never older than what they claim, and the touched ones are current.
    for (const id of ids) {
      const cached = await cachedProfile(id);
      if (cached && cached.version === expected.get(id)?.version)
        expect(cached.profile).toEqual(expected.get(id)?.profile);
    }
  }, 180_000);

  it('NATS restarted and Redis flushed mid-stream: nothing is lost and the cache is rebuilt', async () => {
    await startReplicas(2);
    const writing = appendSimulatedListening(store, { listeners: 50, events: 5_000, batch: 2, seed: 7 });
    await sleep(800);
    await nats.restart();
    await redis.flushall();
    const ids = await writing;
    const expected = await expectEveryProfileToEqualAFreshReplay(ids, 120_000);

    // Write-through after the flush brought every listener touched since then back into Redis.
    let current = 0;
    for (const id of ids) {
      const cached = await cachedProfile(id);
      if (cached?.version === expected.get(id)?.version) {
        expect(cached?.profile).toEqual(expected.get(id)?.profile);
        current++;
      }
    }
    expect(current).toBeGreaterThan(ids.length / 2);
  }, 180_000);
});
