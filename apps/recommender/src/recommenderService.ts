import {
  MongoProfileReadModels,
  SqliteProfileReadModels,
  TasteProfileProjection,
  type ProfileReadModels,
} from '@qfzz/profile-projection';
import {
  coListeningBudgetBytes,
  describeGiveUp,
  startRecommenderWorker,
  type RunningRecommender,
} from '@qfzz/recommender';
import {
  answers,
  readFlag,
  readWholeNumber,
  type RunningService,
  type ServiceDefinition,
} from '@qfzz/service-runtime';

/** What the recommender reads beyond the shared cluster settings. */
export interface RecommenderSettings {
  /** How long a cached playlist lives (its key already moves with the profile version). */
  playlistTtlSeconds: number;
  /** `QFZZ_PERSONALIZATION=off`: the same non-personalised playlists for everyone. */
  personalization: boolean;
  /** `QFZZ_MAX_MEMORY_MB`: the co-listening model keeps to a quarter of it (`coListeningBudgetBytes`). */
  maxMemoryMb?: number;
}

export function readRecommenderSettings(env: NodeJS.ProcessEnv): RecommenderSettings {
  return {
    playlistTtlSeconds: readWholeNumber(env, 'QFZZ_PLAYLIST_TTL_SECONDS', 600, 1, 86_400 * 30),
    personalization: readFlag(env, 'QFZZ_PERSONALIZATION', true),
    maxMemoryMb: env.QFZZ_MAX_MEMORY_MB
      ? readWholeNumber(env, 'QFZZ_MAX_MEMORY_MB', 0, 1, 1_048_576)
      : undefined,
  };
}

export interface RunningRecommenderService extends RunningService {
  worker: RunningRecommender;
}

/**
 * The recommender on the cluster adapters: follows the log into its catalog
 * index and co-listening model, reads taste profiles through the read model
 * profile-projection keeps (and the same Redis it writes hot profiles to),
 * and answers `qfzz.rpc.recommender.generate`, caching playlists in Redis.
 */
export const recommenderService: ServiceDefinition<RecommenderSettings, RunningRecommenderService> = {
  service: 'recommender',
  defaultPort: 3102,
  readSettings: readRecommenderSettings,
  async start({ settings, store, queryBus, cache, mongo, log }, own) {
    const readModels: ProfileReadModels = mongo
      ? await MongoProfileReadModels.open(mongo)
      : new SqliteProfileReadModels(settings.readModelFile);
    const started = Date.now();
    let worker: RunningRecommender;
    try {
      worker = await startRecommenderWorker({
        store,
        queryBus,
        profiles: new TasteProfileProjection(store, readModels.live(), { cache }),
        cache,
        cacheTtlSeconds: own.playlistTtlSeconds,
        personalization: own.personalization,
        coListening: {
          memoryBudgetBytes: coListeningBudgetBytes(own.maxMemoryMb),
          onGiveUp: (giveUp) => log(describeGiveUp(giveUp), { giveUp }),
        },
        // In cluster mode the recommender owns the catalog index, so it answers the catalog queries too.
        serveCatalog: true,
        onError: (error) => log('error', { error: String(error) }),
      });
    } catch (error) {
      await readModels.close();
      throw error;
    }
    const { index, coListening } = worker.follower;
    log('caught up with the log', {
      tracks: index.size,
      coListenedTracks: coListening.trackCount,
      coListeningMemoryBytes: coListening.estimatedBytes,
      coListeningLimits: coListening.limits,
      catalogMemoryBytes: index.memoryBytes(),
      catchUpMs: Date.now() - started,
    });
    return {
      worker,
      checks: async () => ({ readModel: await answers(() => readModels.live().checkpoint()) }),
      async stop() {
        await worker.stop();
        await readModels.close();
      },
    };
  },
};
