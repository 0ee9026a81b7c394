import { join } from 'node:path';
import { LruHotCache } from '@qfzz/cache';
import { CatalogProjection, importCatalogTracks, serveCatalogQueries } from '@qfzz/catalog';
import {
  ConversationService,
  OpenAiCompatibleVoice,
  readLlmSettings,
  serveConversationQueries,
} from '@qfzz/conversation';
import { copyWith } from '@qfzz/domain';
import { SqliteEventStore, type CatchUpSubscription } from '@qfzz/event-store';
import {
  communityWriterOver,
  type CatalogWriter,
  type CommunityWriter,
  type GatewayDeps,
  type ListenerForgetter,
} from '@qfzz/gateway';
import { InProcessQueryBus, type QueryResponder } from '@qfzz/messaging';
import { EncryptingEventStore, forgetListenerEverywhere, SqliteDataKeyStore } from '@qfzz/privacy';
import {
  coListeningBudgetBytes,
  describeGiveUp,
  startRecommenderWorker,
  type RunningRecommender,
} from '@qfzz/recommender';
import {
  CommunityCommands,
  CommunityGraph,
  followLogIntoCommunityGraph,
  serveTrustQueries,
  TrustQueries,
} from '@qfzz/trust-network';
import {
  followLogIntoProfiles,
  PROFILE_FOLLOW_LINGER_MAX_EVENTS,
  PROFILE_FOLLOW_LINGER_MS,
  rebuildTasteProfiles,
  serveProfileQueries,
  SqliteProfileReadModels,
  TasteProfileProjection,
} from '@qfzz/profile-projection';
import { loadAdminToken } from './adminToken';
import type { StationConfig } from './stationConfig';
import { loadTokenSecret } from './tokenSecret';

/** Without a device budget the profile cache gets 64 MB; with one, a quarter of it (the rest is the recommender's). */
export const DEFAULT_CACHE_MB = 64;
/** How long an import waits for the catalog index to show what it wrote (read-your-writes). */
const CATALOG_VISIBLE_TIMEOUT_MS = 30_000;
/**
 * The log's last appends kept in memory, sealed and opened, for the followers
 * in this process (ADR 0007). Every one of them is copied out of the young
 * generation and later marked by each old-generation collection, so it is
 * sized to what the followers lag by (the profile follower gathers at most
 * 1,000; the others read each commit), not to a whole bulk import. With
 * 10,000 sealed and 20,000 opened, the HTTP bench's 1,000 POSTs/s met an
 * old-generation collection (a ~60 ms train of 5-26 ms stalls) every ~6 s;
 * with 4,096, none in its 10 s, and bulk import got faster too.
 */
const EDGE_RECENT_EVENTS = 4_096;
/** How long a write waits for the in-memory followers (profiles, community graph) to show it. */
const FOLLOWER_VISIBLE_TIMEOUT_MS = 10_000;

export interface EdgeRuntime {
  /** The log every reader and writer uses: personal data sealed on the way in, opened on the way out. */
  store: EncryptingEventStore;
  /** The SQLite log file as stored (ciphertext for personal data). */
  log: SqliteEventStore;
  queryBus: InProcessQueryBus;
  catalog: CatalogProjection;
  adminToken: { token: string; generated: boolean };
  cacheBytes: number;
  /** The recommender replica: its catalog index and co-listening model follow the log. */
  recommender: RunningRecommender;
  /** Where the DJ's optional language-model voice lives (QFZZ_LLM_URL); undefined: the embedded phrasing only. */
  llm?: { url: string; model: string };
  gatewayDeps: GatewayDeps;
  close(): Promise<void>;
}

export function cacheBudgetBytes(maxMemoryMb: number | undefined): number {
  const mb = maxMemoryMb === undefined ? DEFAULT_CACHE_MB : maxMemoryMb / 4;
  return Math.max(1, Math.floor(mb * 1024 * 1024));
}

/**
 * Opens everything edge mode runs on, all embedded: the SQLite log and read
 * models in the data dir, the in-process query bus, the LRU cache, the
 * profile projection and the catalog following the log, and the secrets.
 */
export async function openEdgeRuntime(config: StationConfig): Promise<EdgeRuntime> {
  const adminToken = loadAdminToken(config.dataDir, config.adminToken);
  const tokenSecret = loadTokenSecret(config.dataDir, config.tokenSecret);
  const llm = readLlmSettings();
  const log = new SqliteEventStore({
    file: join(config.dataDir, 'qfzz.db'),
    recentEvents: EDGE_RECENT_EVENTS,
  });
  const closers: (() => Promise<void>)[] = [() => log.close()];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne();
  };
  try {
    // Personal data is sealed with a per-listener key kept apart from the log (crypto-shredding).
    const keys = new SqliteDataKeyStore(join(config.dataDir, 'keys.db'));
    closers.push(() => keys.close());
    // Every forget goes through this process, so the followers may reuse what the gateway just sealed.
    const store = new EncryptingEventStore(log, { keys, rememberOpened: EDGE_RECENT_EVENTS });
    const readModels = new SqliteProfileReadModels(join(config.dataDir, 'read-models.db'));
    closers.push(() => readModels.close());
    const cacheBytes = cacheBudgetBytes(config.maxMemoryMb);
    const cache = new LruHotCache({ maxBytes: cacheBytes });
    const queryBus = new InProcessQueryBus();
    closers.push(() => queryBus.close());
    const responders: QueryResponder[] = [];
    closers.push(async () => {
      for (const responder of responders) await responder.stop();
    });

    // profiles
    // Reads see the log (a cheap local lookup), so the follower may gather a busy log into fewer profile writes.
    const projection = new TasteProfileProjection(store, readModels.live(), { cache, readsSeeTheLog: true });
    const follower: CatchUpSubscription = await followLogIntoProfiles(store, readModels, projection, {
      lingerMs: PROFILE_FOLLOW_LINGER_MS,
      lingerMaxEvents: PROFILE_FOLLOW_LINGER_MAX_EVENTS,
    });
    closers.push(() => follower.stop());
    responders.push(...(await serveProfileQueries(queryBus, projection)));

    // catalog
    // Catalog events carry no personal data and are never sealed: read the log as stored, skipping decryption.
    const catalog = new CatalogProjection(log).start();
    closers.push(() => catalog.stop());
    responders.push(...(await serveCatalogQueries(queryBus, catalog.index)));

    // trust network: the community graph in memory, rebuilt from the log at start
    const graph = new CommunityGraph({ store });
    const graphFollower = followLogIntoCommunityGraph(store, graph);
    closers.push(() => graphFollower.stop());
    // verify walks the chain as stored (the hashes cover the sealed form)
    responders.push(...(await serveTrustQueries(queryBus, new TrustQueries(graph, store.stored))));
    const commands = new CommunityCommands(store, {
      listenerExists: async (listenerId) => {
        const stored = await projection.getProfile(listenerId);
        return !!stored && stored.version > 0 && !stored.profile.forgotten;
      },
    });
    // A connection that changes moves neither profile version, which keys cached playlists.
    const stalePlaylists = async (...listenerIds: string[]) => {
      for (const id of listenerIds) await cache.deleteByPrefix(`playlist:${id}:`);
    };
    const community: CommunityWriter = communityWriterOver(commands, async (a, b, { position }) => {
      if (position === undefined) return;
      await withTimeout(graphFollower.waitFor(position), FOLLOWER_VISIBLE_TIMEOUT_MS);
      await stalePlaylists(a, b);
    });

    // the DJ, with a language model's voice only when QFZZ_LLM_URL is set
    const voice = llm ? new OpenAiCompatibleVoice(llm) : undefined;
    responders.push(
      ...(await serveConversationQueries(
        queryBus,
        new ConversationService({ store, queryBus, ...(voice ? { voice } : {}) }),
      )),
    );

    // the recommender: the catalog projection's index (one copy of the catalog) and its co-listening model
    const recommender = await startRecommenderWorker({
      store,
      queryBus,
      cache,
      catalogIndex: catalog.index,
      personalization: config.personalization,
      coListening: {
        memoryBudgetBytes: coListeningBudgetBytes(config.maxMemoryMb),
        onGiveUp: (giveUp) => console.log(`[qfzz] ${describeGiveUp(giveUp)}`),
      },
      profiles: {
        // Connections live in connection streams, which the taste-profile fold does not read.
        async getProfile(listenerId, minPosition) {
          const stored = await projection.getProfile(listenerId, minPosition);
          if (minPosition) await withTimeout(graphFollower.waitFor(minPosition), FOLLOWER_VISIBLE_TIMEOUT_MS);
          if (!stored) return stored;
          return copyWith(stored, {
            profile: copyWith(stored.profile, { communityConnections: graph.connectionsOf(listenerId) }),
          });
        },
      },
    });
    closers.push(() => recommender.stop());

    // forgetting: keys shredded, connections ended, rows and cache entries dropped
    const forgetListener: ListenerForgetter = (listenerId, write) =>
      forgetListenerEverywhere(
        {
          store,
          readModels: [readModels.live()],
          cache,
          community: {
            partnersOf: (id) => graph.tiesOf(id).map((tie) => tie.listenerId),
            remove: async (by, other) => {
              await commands.remove(by, other, { correlationId: write.correlationId });
              await stalePlaylists(other);
            },
          },
          settled: async (position) => {
            await withTimeout(follower.waitFor(position), FOLLOWER_VISIBLE_TIMEOUT_MS);
            await withTimeout(graphFollower.waitFor(position), FOLLOWER_VISIBLE_TIMEOUT_MS);
          },
        },
        listenerId,
      );

    const catalogWriter: CatalogWriter = {
      async importTracks(rows, write) {
        const result = await importCatalogTracks(store, rows, {
          actor: write.actor,
          correlationId: write.correlationId,
        });
        if (result.position > 0)
          await withTimeout(catalog.waitFor(result.position), CATALOG_VISIBLE_TIMEOUT_MS);
        return result;
      },
    };

    return {
      store,
      log,
      queryBus,
      catalog,
      adminToken,
      cacheBytes,
      recommender,
      llm: llm ? { url: llm.url, model: llm.model } : undefined,
      gatewayDeps: {
        eventStore: store,
        queryBus,
        adminToken: adminToken.token,
        tokenSecret,
        catalogWriter,
        community,
        forgetListener,
        rebuilders: {
          'taste-profiles': (onProgress) => rebuildTasteProfiles({ store, readModels, onProgress }),
        },
        identity: { station: config.stationName, mode: 'edge' },
        ...(config.listenerRateLimit ? { rateLimits: { listener: config.listenerRateLimit } } : {}),
        readyChecks: ['eventLog', 'profiles', 'catalog', 'trust', 'conversation', 'recommender'],
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
