import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CatalogTrack } from '@qfzz/domain';
import { importCatalogTracks } from '@qfzz/catalog';
import { ConversationService, serveConversationQueries } from '@qfzz/conversation';
import { SqliteEventStore, type CatchUpSubscription } from '@qfzz/event-store';
import { InProcessQueryBus, type QueryResponder } from '@qfzz/messaging';
import { EncryptingEventStore, forgetListenerEverywhere, SqliteDataKeyStore } from '@qfzz/privacy';
import {
  followLogIntoProfiles,
  PROFILE_FOLLOW_LINGER_MS,
  rebuildTasteProfiles,
  serveProfileQueries,
  SqliteProfileReadModels,
  TasteProfileProjection,
} from '@qfzz/profile-projection';
import { startRecommenderWorker, type RunningRecommender } from '@qfzz/recommender';
import {
  CommunityCommands,
  CommunityGraph,
  followLogIntoCommunityGraph,
  serveTrustQueries,
  TrustQueries,
} from '@qfzz/trust-network';
import { LruHotCache } from '@qfzz/cache';
import { createGatewayApp } from '../createGatewayApp';
import { communityWriterOver, type CommunityWriter } from '../community/communityWriter';
import { GatewayModule } from '../gateway.module';
import type { GatewayDeps } from '../gatewayDeps';
import { serveTestCatalog, testTracks } from './testCatalog';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789abcdef';

export interface GatewayTestServer {
  url: string;
  dataDir: string;
  /** The log as readers see it: personal data sealed on the way in, opened on the way out. */
  store: EncryptingEventStore;
  /** The SQLite log as stored. */
  log: SqliteEventStore;
  queryBus: InProcessQueryBus;
  app: NestFastifyApplication;
  logs: Record<string, unknown>[];
  tracks: CatalogTrack[];
  /** Registers a listener over HTTP and returns its id and token. */
  register(body?: Record<string, unknown>): Promise<{ listenerId: string; token: string; position: number }>;
  head(): Promise<number>;
  close(): Promise<void>;
}

export interface GatewayTestOptions extends Partial<GatewayDeps> {
  tracks?: CatalogTrack[];
  /** False: no catalog answers on the bus at all (a process without the catalog service). */
  catalog?: boolean;
  /** False: no trust network, DJ or recommender answer (a gateway whose peers are missing). */
  services?: boolean;
  /** Data dir to reuse (a restart); a fresh temp dir otherwise. */
  dataDir?: string;
  keepDataDir?: boolean;
}

/**
 * A real gateway on 127.0.0.1:<free port> over a real SQLite log in a temp
 * dir (personal data sealed by the privacy lib's `EncryptingEventStore`),
 * with the real profile projection, trust network, conversation service and
 * recommender on the in-process query bus, and a small test catalog
 * answering the catalog queries (its tracks are also in the log's catalog
 * stream, where the recommender reads them). Generous rate limits unless a
 * test sets its own.
 */
export async function startGatewayTestServer(options: GatewayTestOptions = {}): Promise<GatewayTestServer> {
  const {
    tracks: _tracks,
    catalog: _catalog,
    services: _services,
    dataDir: _dataDir,
    keepDataDir: _keep,
    ...deps
  } = options;
  const withServices = options.services !== false;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qfzz-gateway-'));
  const log = new SqliteEventStore({ file: join(dataDir, 'qfzz.db') });
  const keys = new SqliteDataKeyStore(join(dataDir, 'keys.db'));
  const store = new EncryptingEventStore(log, { keys });
  const readModels = new SqliteProfileReadModels(join(dataDir, 'read-models.db'));
  const cache = new LruHotCache({ maxBytes: 8 * 1024 * 1024 });
  const queryBus = new InProcessQueryBus();
  // As edge mode wires it: reads see the log, the follower gathers busy stretches.
  const projection = new TasteProfileProjection(store, readModels.live(), { cache, readsSeeTheLog: true });
  const follower: CatchUpSubscription = await followLogIntoProfiles(store, readModels, projection, {
    onError: () => undefined,
    lingerMs: PROFILE_FOLLOW_LINGER_MS,
  });
  const responders: QueryResponder[] = await serveProfileQueries(queryBus, projection);
  const tracks = options.tracks ?? testTracks();
  if (options.catalog !== false) responders.push(...(await serveTestCatalog(queryBus, tracks)));

  let graphFollower: CatchUpSubscription | undefined;
  let recommender: RunningRecommender | undefined;
  let community: CommunityWriter | undefined;
  let forgetListener: GatewayDeps['forgetListener'];
  if (withServices) {
    const graph = new CommunityGraph({ store });
    graphFollower = followLogIntoCommunityGraph(store, graph, () => undefined);
    const following = graphFollower;
    responders.push(...(await serveTrustQueries(queryBus, new TrustQueries(graph, store.stored))));
    const commands = new CommunityCommands(store, {
      listenerExists: async (id) => {
        const stored = await projection.getProfile(id);
        return !!stored && !stored.profile.forgotten && stored.version > 0;
      },
    });
    // A connection that changes does not move either profile's version, which keys cached playlists.
    const stalePlaylists = async (...ids: string[]) => {
      for (const id of ids) await cache.deleteByPrefix(`playlist:${id}:`);
    };
    community = communityWriterOver(commands, async (a, b, { position }) => {
      if (position === undefined) return;
      await following.waitFor(position);
      await stalePlaylists(a, b);
    });
    forgetListener = (listenerId) =>
      forgetListenerEverywhere(
        {
          store,
          readModels: [readModels.live()],
          cache,
          community: {
            partnersOf: (id) => graph.tiesOf(id).map((tie) => tie.listenerId),
            remove: async (by, other) => {
              await commands.remove(by, other);
              await stalePlaylists(other);
            },
          },
          settled: async (position) => {
            await follower.waitFor(position);
            await following.waitFor(position);
          },
        },
        listenerId,
      );
    responders.push(
      ...(await serveConversationQueries(queryBus, new ConversationService({ store, queryBus }))),
    );
    if (tracks.length > 0) await importCatalogTracks(store, tracks);
    recommender = await startRecommenderWorker({
      store,
      queryBus,
      cache,
      profiles: {
        async getProfile(listenerId, minPosition) {
          const stored = await projection.getProfile(listenerId, minPosition);
          if (minPosition !== undefined) await following.waitFor(minPosition);
          if (!stored) return stored;
          return {
            ...stored,
            profile: { ...stored.profile, communityConnections: graph.connectionsOf(listenerId) },
          };
        },
      },
      onError: () => undefined,
    });
  }

  const logs: Record<string, unknown>[] = [];
  const app = await createGatewayApp(
    GatewayModule.register({
      eventStore: store,
      queryBus,
      adminToken: TEST_ADMIN_TOKEN,
      tokenSecret: TEST_TOKEN_SECRET,
      rateLimits: {
        listener: { perSecond: 10_000, burst: 10_000 },
        admin: { perSecond: 10_000, burst: 10_000 },
        anonymous: { perSecond: 10_000, burst: 10_000 },
      },
      rebuilders: {
        'taste-profiles': (onProgress) =>
          rebuildTasteProfiles({ store, readModels, onProgress, batchSize: 200 }),
      },
      identity: { station: 'qfzz-test', mode: 'test' },
      readyChecks: ['eventLog', 'profiles', 'catalog', 'trust', 'conversation', 'recommender'],
      log: (entry) => logs.push(entry),
      ...(community ? { community } : {}),
      ...(forgetListener ? { forgetListener } : {}),
      ...deps,
    }),
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    dataDir,
    store,
    log,
    queryBus,
    app,
    logs,
    tracks,
    async register(body = {}) {
      const response = await fetch(`${url}/v1/listeners`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
      return (await response.json()) as { listenerId: string; token: string; position: number };
    },
    head: () => store.headPosition(),
    async close() {
      await app.close();
      await recommender?.stop();
      await graphFollower?.stop();
      await follower.stop();
      for (const responder of responders) await responder.stop();
      await queryBus.close();
      await readModels.close();
      await store.close();
      await keys.close();
      if (!options.keepDataDir && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch with a bearer token and a JSON body. */
export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of any answer and check it
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}
