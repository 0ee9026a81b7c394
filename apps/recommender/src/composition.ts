import mongoose from 'mongoose';
import { RedisHotCache, type HotCache } from '@qfzz/cache';
import { MongoEventStore, SqliteEventStore, type EventStore } from '@qfzz/event-store';
import { NatsQueryBus } from '@qfzz/messaging';
import {
  MongoProfileReadModels,
  SqliteProfileReadModels,
  TasteProfileProjection,
  type ProfileReadModels,
} from '@qfzz/profile-projection';
import { startRecommenderWorker } from '@qfzz/recommender';
import type { RecommenderSettings } from './settings';

export interface RunningReplica {
  store: EventStore;
  /** Dependencies /ready checks. */
  checks(): Promise<Record<string, boolean>>;
  stop(): Promise<void>;
}

const log = (message: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ service: 'recommender', pid: process.pid, message, ...extra }));

/** Opens the cluster adapters the settings name and starts one recommender replica on them. */
export async function startReplica(settings: RecommenderSettings): Promise<RunningReplica> {
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
  const queryBus = await NatsQueryBus.connect(settings.natsUrl);
  closers.unshift(() => queryBus.close());
  const redis = settings.redisUrl
    ? new RedisHotCache({
        url: settings.redisUrl,
        onError: (error, context) => log('cache error', { error: error.message, ...context }),
      })
    : undefined;
  if (redis) closers.unshift(() => redis.close());
  const cache: HotCache | undefined = redis;

  const started = Date.now();
  const worker = await startRecommenderWorker({
    store,
    queryBus,
    // Hot profiles come from the same Redis the profile projection writes through to.
    profiles: new TasteProfileProjection(store, readModels.live(), { cache }),
    cache,
    cacheTtlSeconds: settings.playlistTtlSeconds,
    onError: (error) => log('error', { error: String(error) }),
  });
  const { index, coListening } = worker.follower;
  log('replica started', {
    eventStore: settings.eventStore,
    cache: Boolean(cache),
    tracks: index.size,
    coListenedTracks: coListening.trackCount,
    catalogMemoryBytes: index.memoryBytes(),
    catchUpMs: Date.now() - started,
  });

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
        ...(redis ? { cache: await answers(() => redis.redis.ping()) } : {}),
      };
    },
    async stop() {
      await worker.stop();
      for (const close of closers) await close().catch(() => undefined);
      log('replica stopped');
    },
  };
}
