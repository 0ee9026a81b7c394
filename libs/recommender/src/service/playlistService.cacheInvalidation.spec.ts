import { join } from 'node:path';
import { LruHotCache, RedisHotCache, type HotCache } from '@qfzz/cache';
import { importCatalogTracks } from '@qfzz/catalog';
import { SqliteProfileReadModels, TasteProfileProjection } from '@qfzz/profile-projection';
import { startRedis, type RunningRedis } from '@qfzz/testing';
import { RecommenderLogFollower } from '../follower/recommenderLogFollower';
import { PlaylistGenerator } from '../ranking/playlistGenerator';
import { openLogFixture, registeredRockFan, type LogFixture } from '../testing/logFixture';
import { playlistCacheKey } from './playlistCacheKey';
import { PlaylistService } from './playlistService';

type CacheFactory = {
  name: string;
  open(): Promise<{ cache: HotCache; raw?: (key: string) => Promise<boolean>; close(): Promise<void> }>;
};

let redisServer: RunningRedis | undefined;
const caches: CacheFactory[] = [
  {
    name: 'LruHotCache (edge)',
    open: async () => {
      const cache = new LruHotCache();
      return { cache, close: () => cache.close() };
    },
  },
  {
    name: 'RedisHotCache on a real Redis (cluster)',
    open: async () => {
      redisServer ??= await startRedis();
      const cache = new RedisHotCache({ url: redisServer.url, namespace: `test-${Date.now()}:` });
      await cache.redis.flushall();
      return {
        cache,
        raw: async (key) => (await cache.redis.exists(`${cache.namespace}${key}`)) === 1,
        close: () => cache.close(),
      };
    },
  },
];

afterAll(async () => {
  await redisServer?.stop();
}, 30_000);

describe.each(caches)('PlaylistService cache: $name', ({ open }) => {
  let log: LogFixture;
  let follower: RecommenderLogFollower;
  let readModels: SqliteProfileReadModels;
  let opened: Awaited<ReturnType<CacheFactory['open']>>;
  let service: PlaylistService;
  let clock: number;

  beforeEach(async () => {
    log = await openLogFixture();
    await log.append('ada', [...registeredRockFan('ada'), log.feedback('TrackLiked', 'jazz.1.2')]);
    follower = new RecommenderLogFollower(log.store).start();
    await follower.caughtUp();
    readModels = new SqliteProfileReadModels(join(log.dir, 'read-models.db'));
    opened = await open();
    clock = Date.UTC(2026, 0, 1);
    service = new PlaylistService({
      generator: new PlaylistGenerator(follower.index, { coListening: follower.coListening }),
      profiles: new TasteProfileProjection(log.store, readModels.live()),
      cache: opened.cache,
      now: () => new Date((clock += 1000)),
    });
  }, 60_000);

  afterEach(async () => {
    await opened.close();
    await follower.stop();
    await readModels.close();
    await log.close();
  });

  it('the same request at the same profile version is a cache hit; a new event bumps the version and the next one is fresh', async () => {
    const first = await service.generate({ listenerId: 'ada', size: 10 });
    expect(first.profileVersion).toBe(3);
    expect(first.tracks).toHaveLength(10);
    expect(service.stats).toEqual({ hits: 0, misses: 1 });
    if (opened.raw) expect(await opened.raw(playlistCacheKey('ada', 3, { size: 10 }))).toBe(true);

    const again = await service.generate({ size: 10, listenerId: 'ada' });
    expect(again).toEqual(first); // same generatedAt: it came from the cache
    expect(service.stats).toEqual({ hits: 1, misses: 1 });

    // Other options are another playlist.
    const calm = await service.generate({ listenerId: 'ada', size: 10, activity: 'winding_down' });
    expect(calm.generatedAt).not.toBe(first.generatedAt);
    expect(service.stats).toEqual({ hits: 1, misses: 2 });

    // A new event: the profile version moves, so the key moves — no scan, no delete.
    const position = await log.append('ada', [log.feedback('TrackFavorited', first.tracks[0].trackId)]);
    const fresh = await service.generate({ listenerId: 'ada', size: 10, minPosition: position });
    expect(fresh.profileVersion).toBe(4);
    expect(fresh.generatedAt).not.toBe(first.generatedAt);
    expect(service.stats).toEqual({ hits: 1, misses: 3 });

    const freshAgain = await service.generate({ listenerId: 'ada', size: 10 });
    expect(freshAgain).toEqual(fresh);
    expect(service.stats).toEqual({ hits: 2, misses: 3 });
  });

  it('a catalog that moved on since the entry was written regenerates', async () => {
    const first = await service.generate({ listenerId: 'ada', size: 5 });
    const { position } = await importCatalogTracks(log.store, [
      {
        trackId: 'new.1',
        title: 'New',
        artist: 'Rock Artist 0',
        genre: 'rock',
        energy: 0.55,
        tempo: 'medium',
      },
    ]);
    await follower.waitFor(position);
    const next = await service.generate({ listenerId: 'ada', size: 5 });
    expect(next.generatedAt).not.toBe(first.generatedAt);
    expect(next.profileVersion).toBe(first.profileVersion);
  });
});
