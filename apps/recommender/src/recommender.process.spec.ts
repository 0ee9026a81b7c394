import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { importCatalogTracks } from '@qfzz/catalog';
import { PlaylistQuery, RECOMMENDER_SERVICE, type Playlist } from '@qfzz/contracts';
import { listenerStreamId, newQfzzEvent, type CatalogTrack } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { NatsQueryBus } from '@qfzz/messaging';
import {
  freePort,
  startAppProcess,
  startNats,
  startRedis,
  type RunningApp,
  type RunningNats,
  type RunningRedis,
} from '@qfzz/testing';

const GENRES = ['rock', 'jazz', 'electronic', 'pop', 'classical', 'latin'];
const catalog: CatalogTrack[] = GENRES.flatMap((genre) =>
  Array.from({ length: 20 }, (_, i) => ({
    trackId: `${genre}-${i}`,
    title: `${genre} ${i}`,
    artist: `${genre} artist ${i % 5}`,
    genre,
    energy: (i + 0.5) / 20,
    tempo: i < 7 ? ('slow' as const) : i < 14 ? ('medium' as const) : ('fast' as const),
    popularity: (i * 37) % 100,
  })),
);
const snapshot = (trackId: string) => {
  const t = catalog.find((c) => c.trackId === trackId) as CatalogTrack;
  return { trackId, genre: t.genre, artist: t.artist, energy: t.energy, tempo: t.tempo };
};

describe('apps/recommender as a real process over NATS, Redis and a SQLite log', () => {
  let nats: RunningNats;
  let redisServer: RunningRedis;
  let dir: string;
  let store: SqliteEventStore;
  let replica: RunningApp | undefined;
  let queryBus: NatsQueryBus | undefined;

  beforeAll(async () => {
    [nats, redisServer] = await Promise.all([startNats(), startRedis()]);
    dir = mkdtempSync(join(tmpdir(), 'qfzz-recommender-app-'));
    store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
    await importCatalogTracks(store, catalog);
    await store.appendToStream(listenerStreamId('ada'), [
      newQfzzEvent('ListenerRegistered', { listenerId: 'ada' }),
      newQfzzEvent('PreferencesStated', { genres: { rock: 0.9, jazz: 0.5 }, energyLevel: 0.6 }),
      newQfzzEvent('TrackLiked', { track: snapshot('rock-3') }),
    ]);
    // Others who liked rock-3 also liked jazz-12: co-listening the replica learns from the log.
    for (const other of ['bo', 'cy', 'di'])
      await store.appendToStream(listenerStreamId(other), [
        newQfzzEvent('TrackLiked', { track: snapshot('rock-3') }),
        newQfzzEvent('TrackLiked', { track: snapshot('jazz-12') }),
      ]);
  }, 60_000);

  afterAll(async () => {
    await queryBus?.close();
    if (replica) await replica.stop();
    await store.close();
    await Promise.all([nats.stop(), redisServer.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('follows the catalog and the log, answers a playlist over NATS, caches it in Redis, and is ready', async () => {
    const port = await freePort();
    replica = await startAppProcess({
      app: 'recommender',
      port,
      env: {
        NATS_URL: nats.url,
        REDIS_URL: redisServer.url,
        QFZZ_EVENT_STORE: 'sqlite',
        QFZZ_DATA_DIR: dir,
        QFZZ_SQLITE_FILE: join(dir, 'qfzz.db'),
        QFZZ_READ_MODEL_FILE: join(dir, 'read-models.db'),
      },
      readyPath: '/health',
    });
    expect(replica.output()).toContain('"tracks":120');

    queryBus = await NatsQueryBus.connect(nats.url);
    const playlist = await queryBus.request<object, Playlist>(
      RECOMMENDER_SERVICE,
      PlaylistQuery.generate,
      { listenerId: 'ada', size: 10, exclude: 'played', activity: 'working_out' },
      { timeoutMs: 10_000 },
    );
    expect(playlist.profileVersion).toBe(3);
    expect(playlist.tracks).toHaveLength(10);
    expect(playlist.tracks.map((t) => t.trackId)).not.toContain('rock-3');
    for (const t of playlist.tracks) expect(t.reason.length).toBeGreaterThan(0);
    expect(playlist.tracks.find((t) => t.trackId === 'jazz-12')?.reason).toBe(
      'because you liked "rock 3" by rock artist 3',
    );

    const again = await queryBus.request<object, Playlist>(RECOMMENDER_SERVICE, PlaylistQuery.generate, {
      activity: 'working_out',
      exclude: 'played',
      size: 10,
      listenerId: 'ada',
    });
    expect(again.generatedAt).toBe(playlist.generatedAt); // served from Redis
    const redis = new Redis(redisServer.url);
    const keys = await redis.keys('qfzz:playlist:ada:3:*');
    redis.disconnect();
    expect(keys).toHaveLength(1);

    await expect(
      queryBus.request(RECOMMENDER_SERVICE, PlaylistQuery.generate, { listenerId: 'ada', size: 500 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'recommender' });
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { eventLog: true, bus: true, readModel: true, cache: true },
    });
  }, 120_000);
});
