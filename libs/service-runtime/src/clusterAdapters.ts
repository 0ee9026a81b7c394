import mongoose, { type Connection } from 'mongoose';
import { RedisHotCache } from '@qfzz/cache';
import { MongoEventStore, SqliteEventStore, type EventStore } from '@qfzz/event-store';
import { JetStreamEventBus, NatsQueryBus, OutboxRelay } from '@qfzz/messaging';
import {
  EncryptingEventStore,
  MongoDataKeyStore,
  SqliteDataKeyStore,
  type DataKeyStore,
} from '@qfzz/privacy';
import type { ClusterSettings } from './clusterSettings';
import { serviceLogger, type ServiceLogger } from './serviceLogger';

/** The adapters a cluster-mode service runs on, opened from its settings. */
export interface ClusterAdapters {
  settings: ClusterSettings;
  log: ServiceLogger;
  /** The log exactly as stored (personal data sealed): what the bus carries and the chain covers. */
  stored: EventStore;
  /** The log as services read it: personal data opened while its key exists. */
  store: EncryptingEventStore;
  keys: DataKeyStore;
  bus: JetStreamEventBus;
  queryBus: NatsQueryBus;
  cache?: RedisHotCache;
  /** Set with `QFZZ_EVENT_STORE=mongodb`, for read models that live beside the log. */
  mongo?: Connection;
  /** Whether each dependency answers now (for /ready). */
  checks(): Promise<Record<string, boolean>>;
  close(): Promise<void>;
}

/** How long a readiness probe waits for a dependency before calling it down. */
export const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether `probe` resolves within `timeoutMs`: a dependency that hangs (a
 * Redis client queueing commands while it reconnects) counts as down, so
 * /ready answers promptly instead of outliving the prober's timeout.
 */
export function answers(probe: () => Promise<unknown>, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const answered = Promise.resolve()
    .then(probe)
    .then(
      () => true,
      () => false,
    );
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}

export async function openClusterAdapters(settings: ClusterSettings): Promise<ClusterAdapters> {
  const log = serviceLogger(settings.service);
  const closers: (() => Promise<unknown>)[] = [];
  try {
    let stored: EventStore;
    let keys: DataKeyStore;
    let mongo: Connection | undefined;
    if (settings.eventStore === 'mongodb') {
      const connection = await mongoose.createConnection(settings.mongodbUrl as string).asPromise();
      mongo = connection;
      closers.push(() => connection.close());
      stored = await MongoEventStore.open(connection);
      keys = await MongoDataKeyStore.open(connection);
    } else {
      const sqlite = new SqliteEventStore({ file: settings.sqliteFile });
      const sqliteKeys = new SqliteDataKeyStore(settings.keysFile);
      stored = sqlite;
      keys = sqliteKeys;
      closers.push(
        () => sqlite.close(),
        () => sqliteKeys.close(),
      );
    }
    const store = new EncryptingEventStore(stored, { keys });
    const bus = await JetStreamEventBus.connect(settings.natsUrl);
    closers.unshift(() => bus.close());
    const queryBus = await NatsQueryBus.connect(settings.natsUrl);
    closers.unshift(() => queryBus.close());
    const cache = settings.redisUrl
      ? new RedisHotCache({
          url: settings.redisUrl,
          onError: (error, context) => log('cache error', { error: error.message, ...context }),
        })
      : undefined;
    if (cache) closers.unshift(() => cache.close());
    // The relay publishes the log as stored, so no plaintext personal data sits in the bus's retention.
    const relay = settings.outboxRelay
      ? new OutboxRelay(stored, bus, {
          onError: (error) => log('relay error', { error: String(error) }),
        }).start()
      : undefined;
    if (relay) closers.unshift(() => relay.stop());

    return {
      settings,
      log,
      stored,
      store,
      keys,
      bus,
      queryBus,
      cache,
      mongo,
      async checks() {
        return {
          eventLog: await answers(() => stored.headPosition()),
          bus: await answers(() => bus.lastPublishedPosition()),
          ...(cache ? { cache: await answers(() => cache.redis.ping()) } : {}),
        };
      },
      async close() {
        for (const close of closers) await close().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}
