import mongoose from 'mongoose';
import { RedisHotCache, type HotCache } from '@qfzz/cache';
import { MongoEventStore, SqliteEventStore, type EventStore } from '@qfzz/event-store';
import { JetStreamEventBus, NatsQueryBus, OutboxRelay } from '@qfzz/messaging';
import {
  MongoProfileReadModels,
  SqliteProfileReadModels,
  startProfileProjectionWorker,
  type ProfileReadModels,
} from '@qfzz/profile-projection';
import type { ProfileProjectionSettings } from './settings';

export interface RunningReplica {
  store: EventStore;
  /** Dependencies /ready checks. */
  checks(): Promise<Record<string, boolean>>;
  stop(): Promise<void>;
}

const log = (message: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ service: 'profile-projection', pid: process.pid, message, ...extra }));

/** Opens the cluster adapters the settings name and starts one replica on them. */
export async function startReplica(settings: ProfileProjectionSettings): Promise<RunningReplica> {
  const closers: (() => Promise<unknown>)[] = [];
  let store: EventStore;
  let readModels: ProfileReadModels;
  if (settings.eventStore === 'mongodb') {
    const connection = await mongoose.createConnection(settings.mongodbUrl as string).asPromise();
    closers.push(() => connection.close());
    store = await MongoEventStore.open(connection);
    readModels = await MongoProfileReadModels.open(connection);
  } else {
    store = new SqliteEventStore({ file: settings.sqliteFile });
    readModels = new SqliteProfileReadModels(settings.readModelFile);
    closers.push(
      () => store.close(),
      () => readModels.close(),
    );
  }
  const bus = await JetStreamEventBus.connect(settings.natsUrl);
  const queryBus = await NatsQueryBus.connect(settings.natsUrl);
  closers.unshift(
    () => bus.close(),
    () => queryBus.close(),
  );
  const redis = settings.redisUrl
    ? new RedisHotCache({
        url: settings.redisUrl,
        onError: (error, context) => log('cache error', { error: error.message, ...context }),
      })
    : undefined;
  if (redis) closers.unshift(() => redis.close());
  const cache: HotCache | undefined = redis;
  const relay = settings.outboxRelay
    ? new OutboxRelay(store, bus, {
        onError: (error) => log('relay error', { error: String(error) }),
      }).start()
    : undefined;
  const worker = await startProfileProjectionWorker({
    store,
    bus,
    readModels,
    queryBus,
    cache,
    ackWaitMs: settings.ackWaitMs,
    onError: (error) => log('consumer error', { error: String(error) }),
  });
  log('replica started', { eventStore: settings.eventStore, cache: Boolean(cache), relay: Boolean(relay) });

  return {
    store,
    async checks() {
      const answers = async (probe: () => Promise<unknown>) =>
        probe().then(
          () => true,
          () => false,
        );
      return {
        eventLog: await answers(() => store.headPosition()),
        readModel: await answers(() => readModels.live().checkpoint()),
        bus: await answers(() => bus.lastPublishedPosition()),
        ...(redis ? { cache: await answers(() => redis.redis.ping()) } : {}),
      };
    },
    async stop() {
      await relay?.stop();
      await worker.stop();
      for (const close of closers) await close().catch(() => undefined);
      log('replica stopped');
    },
  };
}
