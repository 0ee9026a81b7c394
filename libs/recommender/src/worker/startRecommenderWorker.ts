import type { HotCache } from '@qfzz/cache';
import { serveCatalogQueries, type CatalogIndex } from '@qfzz/catalog';
import type { EventStore } from '@qfzz/event-store';
import type { QueryBus, QueryResponder } from '@qfzz/messaging';
import { CoListening, type CoListeningOptions } from '../coListening/coListening';
import { RecommenderLogFollower } from '../follower/recommenderLogFollower';
import { PlaylistGenerator } from '../ranking/playlistGenerator';
import { PlaylistService, type ProfileSource } from '../service/playlistService';
import { servePlaylistQueries } from '../service/servePlaylistQueries';
import { socialSignalOverQueryBus } from '../service/socialSignalSource';

export interface RecommenderWorkerDeps {
  store: EventStore;
  queryBus: QueryBus;
  /** Taste profiles, e.g. a `TasteProfileProjection` over the shared read model. */
  profiles: ProfileSource;
  cache?: HotCache;
  cacheTtlSeconds?: number;
  /** `false`: the same non-personalised playlists for everyone (`QFZZ_PERSONALIZATION=off`). */
  personalization?: boolean;
  /** Also answer the catalog queries from this replica's index (cluster mode, where no other service does). */
  serveCatalog?: boolean;
  /** Wait until the catalog and co-listening have read the whole log before answering. Default true. */
  catchUpFirst?: boolean;
  /**
   * A catalog index another follower of the same log keeps (edge mode's
   * `CatalogProjection`): shared instead of a second copy of the catalog.
   * Default: the recommender folds its own.
   */
  catalogIndex?: CatalogIndex;
  /** The co-listening model's settings, e.g. its memory budget (`coListeningBudgetBytes`). */
  coListening?: CoListeningOptions;
  onError?: (error: unknown) => void;
}

export interface RunningRecommender {
  follower: RecommenderLogFollower;
  service: PlaylistService;
  stop(): Promise<void>;
}

/**
 * One recommender replica, the same code in edge and cluster mode: follows
 * the log into its catalog index and co-listening model, then answers
 * `recommender.generate` (replicas share requests through the bus's queue
 * group). Friends' likes come from the trust service when one answers.
 */
export async function startRecommenderWorker(deps: RecommenderWorkerDeps): Promise<RunningRecommender> {
  const follower = new RecommenderLogFollower(deps.store, {
    onError: deps.onError,
    index: deps.catalogIndex,
    coListening: new CoListening(deps.coListening),
  }).start();
  if (deps.catchUpFirst ?? true) await follower.caughtUp();
  const generator = new PlaylistGenerator(follower.index, { coListening: follower.coListening });
  const service = new PlaylistService({
    generator,
    profiles: deps.profiles,
    cache: deps.cache,
    cacheTtlSeconds: deps.cacheTtlSeconds,
    personalization: deps.personalization,
    social: socialSignalOverQueryBus(deps.queryBus, { onError: deps.onError }),
  });
  const responders: QueryResponder[] = await servePlaylistQueries(deps.queryBus, service);
  if (deps.serveCatalog) responders.push(...(await serveCatalogQueries(deps.queryBus, follower.index)));
  return {
    follower,
    service,
    async stop() {
      for (const responder of responders) await responder.stop();
      await follower.stop();
    },
  };
}
