import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { listenerStreamId, newQfzzEvent } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { RedisHotCache } from '@qfzz/cache';
import {
  followLogIntoProfiles,
  profileCacheKey,
  rebuildTasteProfiles,
  SqliteProfileReadModels,
  TasteProfileProjection,
} from '@qfzz/profile-projection';
import {
  CommunityCommands,
  CommunityGraph,
  followLogIntoCommunityGraph,
  TrustQueries,
} from '@qfzz/trust-network';
import { startRedis, type RunningRedis } from '@qfzz/testing';
import { EncryptingEventStore } from './encryptingEventStore';
import { exportListenerEvents } from './exportListenerEvents';
import { forgetListenerEverywhere } from './forgetListenerEverywhere';
import { SqliteDataKeyStore } from './keys/sqliteDataKeyStore';
import { REDACTED_EVENT_TYPE } from './redaction';
import { databaseBytes, plaintextFound } from './testSupport/logFiles';

jest.setTimeout(60_000);

const SECRETS = ['Ada Quasimodo', 'Zyxxy Quartet', 'my secret crush is Bartholomew', 'vaporwave-noir'];
const track = (trackId: string) => ({
  trackId,
  genre: 'vaporwave-noir',
  artist: 'Zyxxy Quartet',
  energy: 0.9,
});

describe('forgetting a listener everywhere (SQLite log and read models, real Redis, the trust network)', () => {
  let redisServer: RunningRedis;
  let dir: string;
  let keys: SqliteDataKeyStore;
  let store: EncryptingEventStore;
  let readModels: SqliteProfileReadModels;
  let cache: RedisHotCache;
  let projection: TasteProfileProjection;
  let profileFollower: Awaited<ReturnType<typeof followLogIntoProfiles>>;
  let graph: CommunityGraph;
  let graphFollower: ReturnType<typeof followLogIntoCommunityGraph>;
  let commands: CommunityCommands;
  let trust: TrustQueries;
  const settled = async (position: number) => {
    await profileFollower.waitFor(position);
    await graphFollower.waitFor(position);
  };

  beforeAll(async () => {
    redisServer = await startRedis();
  });
  afterAll(async () => redisServer?.stop());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-forget-'));
    keys = new SqliteDataKeyStore(join(dir, 'keys.db'));
    store = new EncryptingEventStore(new SqliteEventStore({ file: join(dir, 'qfzz.db') }), { keys });
    readModels = new SqliteProfileReadModels(join(dir, 'read-models.db'));
    cache = new RedisHotCache({ url: redisServer.url, namespace: `qfzz-${randomUUID()}:` });
    projection = new TasteProfileProjection(store, readModels.live(), { cache });
    profileFollower = await followLogIntoProfiles(store, readModels, projection);
    graph = new CommunityGraph({ store });
    graphFollower = followLogIntoCommunityGraph(store, graph);
    commands = new CommunityCommands(store);
    trust = new TrustQueries(graph, store.stored);

    for (const [id, name] of [
      ['ada', 'Ada Quasimodo'],
      ['bob', 'Bob'],
      ['cat', 'Cat'],
      ['adam', 'Adam'],
    ]) {
      await store.appendToStream(listenerStreamId(id), [
        newQfzzEvent('ListenerRegistered', { listenerId: id, name }),
      ]);
    }
    await store.appendToStream(listenerStreamId('ada'), [
      newQfzzEvent('PreferencesStated', { words: ['vaporwave-noir'] }),
      newQfzzEvent('TrackLiked', { track: track('t-1') }),
      newQfzzEvent('TrackFavorited', { track: track('t-2') }),
      newQfzzEvent('MessageSent', { text: 'my secret crush is Bartholomew' }),
    ]);
    await store.appendToStream(listenerStreamId('bob'), [
      newQfzzEvent('TrackLiked', { track: track('t-9') }),
    ]);
    await commands.request('ada', 'bob');
    await commands.accept('bob', 'ada');
    await commands.request('cat', 'ada'); // still pending when ada is forgotten
    await settled(await store.headPosition());
    await projection.getProfile('ada'); // warms the cache
    await cache.setIfNewer('playlist:ada:evening', { version: 1, value: { tracks: ['t-1', 't-2'] } });
    await cache.setIfNewer('playlist:adam:evening', { version: 1, value: { tracks: ['t-3'] } });
  });

  afterEach(async () => {
    await profileFollower.stop();
    await graphFollower.stop();
    await cache.close();
    await readModels.close();
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports decrypted events while the key exists', async () => {
    const exported = await exportListenerEvents(store, 'ada');
    expect(exported.events.map((e) => e.type)).toEqual([
      'ListenerRegistered',
      'PreferencesStated',
      'TrackLiked',
      'TrackFavorited',
      'MessageSent',
    ]);
    expect(exported.events[4].data).toEqual({ text: 'my secret crush is Bartholomew' });
    expect(trust.socialSignal({ listenerId: 'bob' }).tracks.map((t) => t.trackId)).toEqual(['t-1', 't-2']);
  });

  it('leaves no read model row, no cache entry, no community edge, no readable export, and no plaintext in the log', async () => {
    expect((await readModels.live().get('ada'))?.profile.name).toBe('Ada Quasimodo');
    expect(await cache.get(profileCacheKey('ada'))).toBeDefined();

    const report = await forgetListenerEverywhere(
      {
        store,
        readModels: [readModels.live()],
        cache,
        settled,
        community: {
          partnersOf: (id) => graph.tiesOf(id).map((tie) => tie.listenerId),
          remove: (by, other) => commands.remove(by, other),
        },
      },
      'ada',
    );
    expect(report).toMatchObject({ keysDeleted: 1, alreadyForgotten: false, readModelRowsDeleted: 1 });
    expect(report.connectionsEnded.sort()).toEqual(['bob', 'cat']);

    // Read models and caches.
    expect(await readModels.live().get('ada')).toBeUndefined();
    expect(await cache.get(profileCacheKey('ada'))).toBeUndefined();
    expect(await cache.get('playlist:ada:evening')).toBeUndefined();
    expect(await cache.get('playlist:adam:evening')).toBeDefined(); // "ada" is not a prefix of "adam"'s keys
    expect(await projection.getProfile('ada')).toMatchObject({
      profile: { forgotten: true, genres: {}, artists: {} },
    });

    // The community: no edge, no pending request, nothing shared.
    expect(trust.community('bob')).toEqual({ connections: [], pending: [], loving: [] });
    expect(trust.community('cat').pending).toEqual([]);
    expect(trust.socialSignal({ listenerId: 'bob' })).toEqual({ tracks: [] });
    expect(() => trust.trust('ada')).toThrow(/does not exist/);

    // Export: nothing personal, only that she asked to be forgotten.
    const exported = await exportListenerEvents(store, 'ada');
    expect(exported.events.map((e) => e.type)).toEqual([
      ...Array(5).fill(REDACTED_EVENT_TYPE),
      'ListenerForgotten',
    ]);
    expect(plaintextFound(Buffer.from(JSON.stringify(exported)), SECRETS)).toEqual([]);

    // The log itself: append-only, still verifiable, no plaintext in any byte of the file.
    expect(await trust.verify('ada')).toMatchObject({ ok: true, events: 6 });
    expect(plaintextFound(databaseBytes(join(dir, 'qfzz.db')), SECRETS)).toEqual([]);
    expect(plaintextFound(databaseBytes(join(dir, 'keys.db')), SECRETS)).toEqual([]);
  });

  it('does not bring the listener back in a full replay', async () => {
    await forgetListenerEverywhere({ store, readModels: [readModels.live()], cache, settled }, 'ada');
    await rebuildTasteProfiles({ store, readModels });
    const replayed = await readModels.live().get('ada');
    expect(replayed?.profile).toMatchObject({
      forgotten: true,
      genres: {},
      artists: {},
      moods: {},
      interactionCount: 0,
    });
    expect(replayed?.profile.name).toBeUndefined();
    expect(plaintextFound(Buffer.from(JSON.stringify(replayed)), SECRETS)).toEqual([]);
    expect((await readModels.live().get('bob'))?.profile.artists).toEqual({ 'Zyxxy Quartet': 0.6 });

    const graphReplay = new CommunityGraph({ store });
    for (let after = 0; ; ) {
      const batch = await store.readAll({ after });
      if (batch.nextPosition === after) break;
      for (const event of batch.events) await graphReplay.apply(event);
      after = batch.nextPosition;
    }
    expect(graphReplay.activityOf('ada')).toMatchObject({
      forgotten: true,
      interactionCount: 0,
      recentLoves: [],
    });
  });

  it('is idempotent, and a listener who registers again starts afresh with a new key', async () => {
    await forgetListenerEverywhere({ store }, 'ada');
    expect(await forgetListenerEverywhere({ store }, 'ada')).toMatchObject({
      alreadyForgotten: true,
      keysDeleted: 0,
    });
    await store.appendToStream(listenerStreamId('ada'), [
      newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada Again' }),
    ]);
    const events = await store.readStream(listenerStreamId('ada'));
    expect(events[events.length - 1].data).toEqual({ listenerId: 'ada', name: 'Ada Again' });
    expect(events.slice(0, 5).every((e) => e.type === REDACTED_EVENT_TYPE)).toBe(true);
  });

  it('refuses to forget a listener who never existed', async () => {
    await expect(forgetListenerEverywhere({ store }, 'ghost')).rejects.toMatchObject({
      code: 'LISTENER_NOT_FOUND',
    });
  });
});
