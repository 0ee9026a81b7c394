import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CatalogTrack } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { InProcessQueryBus, type QueryResponder } from '@qfzz/messaging';
import {
  followLogIntoProfiles,
  rebuildTasteProfiles,
  serveProfileQueries,
  SqliteProfileReadModels,
  TasteProfileProjection,
} from '@qfzz/profile-projection';
import { LruHotCache } from '@qfzz/cache';
import type { CatchUpSubscription } from '@qfzz/event-store';
import { createGatewayApp } from '../createGatewayApp';
import { GatewayModule } from '../gateway.module';
import type { GatewayDeps } from '../gatewayDeps';
import { serveTestCatalog, testTracks } from './testCatalog';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789abcdef';

export interface GatewayTestServer {
  url: string;
  dataDir: string;
  store: SqliteEventStore;
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
  /** Data dir to reuse (a restart); a fresh temp dir otherwise. */
  dataDir?: string;
  keepDataDir?: boolean;
}

/**
 * A real gateway on 127.0.0.1:<free port> over a real SQLite log in a temp
 * dir, with the real profile projection following the log and a small test
 * catalog answering on the in-process query bus. Generous rate limits unless
 * a test sets its own.
 */
export async function startGatewayTestServer(options: GatewayTestOptions = {}): Promise<GatewayTestServer> {
  const { tracks: _tracks, catalog: _catalog, dataDir: _dataDir, keepDataDir: _keep, ...deps } = options;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qfzz-gateway-'));
  const store = new SqliteEventStore({ file: join(dataDir, 'qfzz.db') });
  const readModels = new SqliteProfileReadModels(join(dataDir, 'read-models.db'));
  const cache = new LruHotCache({ maxBytes: 8 * 1024 * 1024 });
  const queryBus = new InProcessQueryBus();
  const projection = new TasteProfileProjection(store, readModels.live(), { cache });
  const follower: CatchUpSubscription = await followLogIntoProfiles(
    store,
    readModels,
    projection,
    () => undefined,
  );
  const responders: QueryResponder[] = await serveProfileQueries(queryBus, projection);
  const tracks = options.tracks ?? testTracks();
  if (options.catalog !== false) responders.push(...(await serveTestCatalog(queryBus, tracks)));
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
      log: (entry) => logs.push(entry),
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
      await follower.stop();
      for (const responder of responders) await responder.stop();
      await queryBus.close();
      await readModels.close();
      await store.close();
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
