import { importCatalogTracks } from '@qfzz/catalog';
import {
  CATALOG_SERVICE,
  CatalogQuery,
  PROFILE_SERVICE,
  ProfileQuery,
  TRUST_SERVICE,
  TrustQuery,
  type CatalogStats,
  type CommunityView,
  type GetProfileRequest,
  type ProfileView,
  type TrustRequest,
} from '@qfzz/contracts';
import {
  communityWriterOver,
  createGatewayApp,
  GatewayModule,
  serveWebApp,
  type CatalogWriter,
  type CommunityWriter,
  type ListenerForgetter,
} from '@qfzz/gateway';
import type { QueryBus } from '@qfzz/messaging';
import { forgetListenerEverywhere } from '@qfzz/privacy';
import {
  MongoProfileReadModels,
  rebuildTasteProfiles,
  SqliteProfileReadModels,
  type ProfileReadModels,
} from '@qfzz/profile-projection';
import { SettingsError, type RunningService, type ServiceDefinition } from '@qfzz/service-runtime';
import { CommunityCommands } from '@qfzz/trust-network';

/** What the gateway reads beyond the shared cluster settings. */
export interface GatewaySettings {
  adminToken: string;
  tokenSecret: string;
  webRoot?: string;
}

export function readGatewaySettings(env: NodeJS.ProcessEnv): GatewaySettings {
  const adminToken = env.QFZZ_ADMIN_TOKEN;
  const tokenSecret = env.QFZZ_TOKEN_SECRET;
  // Replicas must agree on both, so cluster mode never generates them.
  if (!adminToken || adminToken.length < 16) {
    throw new SettingsError('QFZZ_ADMIN_TOKEN is required in cluster mode (at least 16 characters)');
  }
  if (!tokenSecret || tokenSecret.length < 16) {
    throw new SettingsError(
      'QFZZ_TOKEN_SECRET is required in cluster mode (at least 16 characters, the same on every replica)',
    );
  }
  return { adminToken, tokenSecret, webRoot: env.QFZZ_WEB_ROOT || undefined };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls another service until `done` holds or the bound passes: cluster read-your-writes for writes the gateway does itself. */
async function until(done: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done().catch(() => false)) return;
    await sleep(25);
  }
}

const profileOf = (queryBus: QueryBus, listenerId: string, minPosition?: number) =>
  queryBus.request<GetProfileRequest, ProfileView | null>(PROFILE_SERVICE, ProfileQuery.get, {
    listenerId,
    minPosition,
  });

/**
 * The cluster gateway: the same HTTP API as edge mode, over NATS to the other
 * services, appending to the shared log. It serves /health and /ready itself.
 */
export const gatewayService: ServiceDefinition<GatewaySettings, RunningService> = {
  service: 'gateway',
  defaultPort: 3000,
  probes: false,
  readSettings: readGatewaySettings,
  async start({ settings, store, queryBus, cache, mongo }, own) {
    const readModels: ProfileReadModels = mongo
      ? await MongoProfileReadModels.open(mongo)
      : new SqliteProfileReadModels(settings.readModelFile);
    const stalePlaylists = async (...listenerIds: string[]) => {
      for (const id of listenerIds) await cache?.deleteByPrefix(`playlist:${id}:`);
    };
    const commands = new CommunityCommands(store, {
      listenerExists: async (listenerId) => Boolean(await profileOf(queryBus, listenerId)),
    });
    // The trust network answers once it has applied the write (a bounded wait on its side).
    const trustSees = async (position: number | undefined, listenerId: string) => {
      if (position === undefined) return;
      await queryBus
        .request<
          TrustRequest,
          CommunityView
        >(TRUST_SERVICE, TrustQuery.community, { listenerId, minPosition: position })
        .catch(() => undefined);
    };
    const community: CommunityWriter = communityWriterOver(commands, async (a, b, { position }) => {
      await trustSees(position, a);
      await stalePlaylists(a, b);
    });
    const forgetListener: ListenerForgetter = (listenerId, write) =>
      forgetListenerEverywhere(
        {
          store,
          readModels: [readModels.live()],
          cache,
          community: {
            partnersOf: async (id) => {
              const view = await queryBus.request<{ listenerId: string }, CommunityView>(
                TRUST_SERVICE,
                TrustQuery.community,
                {
                  listenerId: id,
                },
              );
              return [...view.connections.map((c) => c.listenerId), ...view.pending.map((p) => p.listenerId)];
            },
            remove: async (by, other) => {
              await commands.remove(by, other, { correlationId: write.correlationId });
              await stalePlaylists(other);
            },
          },
          // The profile replicas must have seen the forgetting before its row is deleted.
          settled: (position) =>
            until(async () => (await profileOf(queryBus, listenerId, position)) === null),
        },
        listenerId,
      );
    const catalogWriter: CatalogWriter = {
      async importTracks(rows, write) {
        const result = await importCatalogTracks(store, rows, {
          actor: write.actor,
          correlationId: write.correlationId,
        });
        if (result.position > 0) {
          await until(async () => {
            const stats = await queryBus.request<Record<string, never>, CatalogStats>(
              CATALOG_SERVICE,
              CatalogQuery.stats,
              {},
            );
            return stats.position >= result.position;
          }, 30_000);
        }
        return result;
      },
    };

    const app = await createGatewayApp(
      GatewayModule.register({
        eventStore: store,
        queryBus,
        adminToken: own.adminToken,
        tokenSecret: own.tokenSecret,
        catalogWriter,
        community,
        forgetListener,
        rebuilders: {
          'taste-profiles': (onProgress) => rebuildTasteProfiles({ store, readModels, onProgress }),
        },
        identity: { station: process.env.QFZZ_STATION_NAME || 'qfzz', mode: 'cluster' },
        readyChecks: ['eventLog', 'profiles', 'catalog', 'trust', 'conversation', 'recommender'],
      }),
      { logger: ['error', 'warn'], title: 'qfzz (cluster mode)' },
    );
    await serveWebApp(app, { root: own.webRoot }).catch(() => false);
    await app.listen(settings.port, '0.0.0.0');
    const { port } = app.getHttpServer().address() as { port: number };
    return {
      port,
      async stop() {
        await app.close();
        await readModels.close();
      },
    };
  },
};
