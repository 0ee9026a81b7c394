import { join } from 'node:path';
import { LruHotCache } from '@qfzz/cache';
import { CatalogProjection, importCatalogTracks, serveCatalogQueries } from '@qfzz/catalog';
import { SqliteEventStore, type CatchUpSubscription } from '@qfzz/event-store';
import type { CatalogWriter, GatewayDeps } from '@qfzz/gateway';
import { InProcessQueryBus, type QueryResponder } from '@qfzz/messaging';
import {
  followLogIntoProfiles,
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

export interface EdgeRuntime {
  store: SqliteEventStore;
  queryBus: InProcessQueryBus;
  catalog: CatalogProjection;
  adminToken: { token: string; generated: boolean };
  cacheBytes: number;
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
  const store = new SqliteEventStore({ file: join(config.dataDir, 'qfzz.db') });
  const closers: (() => Promise<void>)[] = [() => store.close()];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne();
  };
  try {
    const readModels = new SqliteProfileReadModels(join(config.dataDir, 'read-models.db'));
    closers.push(() => readModels.close());
    const cacheBytes = cacheBudgetBytes(config.maxMemoryMb);
    const cache = new LruHotCache({ maxBytes: cacheBytes });
    const queryBus = new InProcessQueryBus();
    closers.push(() => queryBus.close());

    const projection = new TasteProfileProjection(store, readModels.live(), { cache });
    const follower: CatchUpSubscription = await followLogIntoProfiles(store, readModels, projection);
    closers.push(() => follower.stop());
    const catalog = new CatalogProjection(store).start();
    closers.push(() => catalog.stop());
    const responders: QueryResponder[] = [
      ...(await serveProfileQueries(queryBus, projection)),
      ...(await serveCatalogQueries(queryBus, catalog.index)),
    ];
    closers.push(async () => {
      for (const responder of responders) await responder.stop();
    });

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
      queryBus,
      catalog,
      adminToken,
      cacheBytes,
      gatewayDeps: {
        eventStore: store,
        queryBus,
        adminToken: adminToken.token,
        tokenSecret,
        catalogWriter,
        rebuilders: {
          'taste-profiles': (onProgress) => rebuildTasteProfiles({ store, readModels, onProgress }),
        },
        identity: { station: config.stationName, mode: 'edge' },
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
