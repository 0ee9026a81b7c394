import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogProjection, importCatalogTracks, serveCatalogQueries } from '@qfzz/catalog';
import {
  CONVERSATION_SERVICE,
  ConversationQuery,
  type DjPersona,
  type DjReply,
  type Greeting,
} from '@qfzz/contracts';
import { SqliteEventStore } from '@qfzz/event-store';
import { NatsQueryBus } from '@qfzz/messaging';
import { runService, type ServiceReplica } from '@qfzz/service-runtime';
import { startNats, type RunningNats } from '@qfzz/testing';
import {
  conversationService,
  type ConversationSettings,
  type RunningConversation,
} from './conversationService';

const TRACKS = [
  { trackId: 'edm-1', title: 'Neon 1', artist: 'Daft Punk', genre: 'edm', energy: 0.9 },
  { trackId: 'jazz-1', title: 'Blue 1', artist: 'Miles Davis', genre: 'jazz', energy: 0.3 },
];

describe('conversation replicas over real NATS and a SQLite log', () => {
  let nats: RunningNats;
  let dir: string;
  let client: NatsQueryBus;
  let catalogBus: NatsQueryBus;
  let catalogStore: SqliteEventStore;
  let catalog: CatalogProjection;
  const replicas: ServiceReplica<ConversationSettings, RunningConversation>[] = [];

  const startReplica = async () => {
    const replica = await runService(conversationService, {
      NATS_URL: nats.url,
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_DATA_DIR: dir,
      QFZZ_SQLITE_FILE: join(dir, 'qfzz.db'),
      QFZZ_PEER_TIMEOUT_MS: '500',
      PORT: '0',
    });
    replicas.push(replica);
    return replica;
  };

  beforeAll(async () => {
    nats = await startNats();
    dir = mkdtempSync(join(tmpdir(), 'qfzz-conversation-app-'));
    // The real catalog answers on the bus (from the same log); profile, recommender and trust do not.
    catalogStore = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
    catalog = new CatalogProjection(catalogStore).start();
    await catalog.waitFor((await importCatalogTracks(catalogStore, TRACKS)).position);
    catalogBus = await NatsQueryBus.connect(nats.url);
    await serveCatalogQueries(catalogBus, catalog.index);
    client = await NatsQueryBus.connect(nats.url);
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await client?.close();
    await catalogBus?.close();
    await catalog?.stop();
    await catalogStore?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const ask = <T>(query: string, payload: object) =>
    client.request<object, T>(CONVERSATION_SERVICE, query, payload, { timeoutMs: 10_000 });

  it('answers personas, greet and interact on qfzz.rpc.conversation.*, saying less without the other services', async () => {
    const replica = await startReplica();
    expect(replica.own.peerTimeoutMs).toBe(500);
    const health = await fetch(`http://127.0.0.1:${replica.port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'conversation' });
    const ready = await fetch(`http://127.0.0.1:${replica.port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { eventLog: true, bus: true } });
    const personas = await ask<DjPersona[]>(ConversationQuery.personas, {});
    expect(personas.map((persona) => persona.name)).toEqual(['Nova', 'Pulse', 'Atlas', 'Ember']);
    expect(await ask<Greeting>(ConversationQuery.greet, { listenerId: 'ada' })).toMatchObject({
      djName: 'Nova',
    });

    const reply = await ask<DjReply>(ConversationQuery.interact, {
      listenerId: 'ada',
      text: "I'm in a great mood",
    });
    expect(reply).toMatchObject({ djName: 'Nova', understood: { intent: 'express_mood', mood: 'happy' } });
    expect(reply.tracks).toBeUndefined();
    expect(reply.position).toBeGreaterThan(0);
  }, 30_000);

  it('a restarted replica carries the conversation on from the log', async () => {
    await replicas.shift()?.stop();
    await startReplica();
    const reply = await ask<DjReply>(ConversationQuery.interact, {
      listenerId: 'ada',
      text: 'maybe some electronic?',
    });
    expect(reply.understood).toEqual({ intent: 'request_recommendation', mood: 'happy', genres: ['edm'] });
  }, 30_000);

  it('a bad request comes back as INVALID_ARGUMENT', async () => {
    await expect(ask(ConversationQuery.interact, { listenerId: 'ada', text: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  }, 30_000);
});
