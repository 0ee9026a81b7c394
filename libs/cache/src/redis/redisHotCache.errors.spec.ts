import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startRedis, type RunningRedis } from '@qfzz/testing';
import { RedisHotCache, type CacheErrorContext } from './redisHotCache';

jest.setTimeout(30_000);

describe('RedisHotCache: writes surface Redis errors, reads report them and miss', () => {
  let server: RunningRedis;
  let raw: Redis;
  let cache: RedisHotCache;
  let reported: Array<{ error: Error; context: CacheErrorContext }>;
  let namespace: string;

  beforeAll(async () => {
    server = await startRedis();
    raw = new Redis(server.url);
  });
  beforeEach(() => {
    reported = [];
    namespace = `errors-${randomUUID()}:`;
    cache = new RedisHotCache({
      url: server.url,
      namespace,
      getTimeoutMs: 10_000,
      onError: (error, context) => reported.push({ error, context }),
    });
  });
  afterEach(async () => cache.close());
  afterAll(async () => {
    await raw?.quit();
    await server?.stop();
  });

  it('setIfNewer rejects when Redis refuses the write (a key of another type)', async () => {
    await raw.set(`${namespace}profile:ana`, 'not a cache entry');
    await expect(cache.setIfNewer('profile:ana', { version: 1, value: 'x' })).rejects.toThrow(/WRONGTYPE/);
    expect(reported).toEqual([]);
  });

  it('get reports the same failure through onError and answers a miss', async () => {
    await raw.set(`${namespace}profile:ana`, 'not a cache entry');
    expect(await cache.get('profile:ana')).toBeUndefined();
    expect(reported).toHaveLength(1);
    expect(reported[0].context).toEqual({ operation: 'get', key: 'profile:ana' });
    expect(reported[0].error.message).toMatch(/WRONGTYPE/);
  });

  it('get reports an entry whose JSON does not parse, and misses', async () => {
    await raw.hset(`${namespace}profile:ana`, 'v', '1', 'j', '{broken');
    expect(await cache.get('profile:ana')).toBeUndefined();
    expect(reported.map((r) => r.context.operation)).toEqual(['get']);
  });

  it('get survives an onError callback that throws', async () => {
    const throwing = new RedisHotCache({
      url: server.url,
      namespace,
      onError: () => {
        throw new Error('reporter is broken');
      },
    });
    try {
      await raw.set(`${namespace}profile:ana`, 'not a cache entry');
      expect(await throwing.get('profile:ana')).toBeUndefined();
    } finally {
      await throwing.close();
    }
  });

  it('writes after close() reject; reads after close() miss and are reported', async () => {
    await cache.setIfNewer('profile:ana', { version: 1, value: 'x' });
    await cache.close();
    await expect(cache.setIfNewer('profile:ana', { version: 2, value: 'y' })).rejects.toThrow(/closed/i);
    await expect(cache.delete('profile:ana')).rejects.toThrow(/closed/i);
    await expect(cache.deleteByPrefix('profile:')).rejects.toThrow(/closed/i);
    expect(await cache.get('profile:ana')).toBeUndefined();
    expect(reported.map((r) => r.context.operation)).toEqual(['get']);
    await expect(cache.close()).resolves.toBeUndefined(); // closing twice is fine
  });
});
