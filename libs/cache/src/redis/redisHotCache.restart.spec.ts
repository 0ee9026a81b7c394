import { randomUUID } from 'node:crypto';
import { startRedis, type RunningRedis } from '@qfzz/testing';
import { RedisHotCache, type CacheErrorContext } from './redisHotCache';

jest.setTimeout(60_000);

describe('RedisHotCache when Redis restarts or goes away', () => {
  let server: RunningRedis;
  let cache: RedisHotCache | undefined;
  let reported: Array<{ error: Error; context: CacheErrorContext }>;
  const open = (options: { getTimeoutMs?: number; maxRetriesPerRequest?: number } = {}) =>
    new RedisHotCache({
      url: server.url,
      namespace: `restart-${randomUUID()}:`,
      getTimeoutMs: options.getTimeoutMs ?? 10_000,
      onError: (error, context) => reported.push({ error, context }),
      redis:
        options.maxRetriesPerRequest === undefined
          ? {}
          : { maxRetriesPerRequest: options.maxRetriesPerRequest },
    });

  beforeEach(async () => {
    reported = [];
    server = await startRedis();
  });
  afterEach(async () => {
    await cache?.close();
    cache = undefined;
    await server?.stop();
  });

  it('after a restart (data lost) get is a miss, not an error, and writes work again', async () => {
    cache = open();
    await cache.setIfNewer('profile:ana', { version: 3, value: 'before' });
    await server.restart();

    expect(await cache.get('profile:ana')).toBeUndefined();
    // The restarted server has an empty script cache: the Lua script must be sent again.
    expect(await cache.setIfNewer('profile:ana', { version: 1, value: 'after' })).toBe(true);
    expect(await cache.get('profile:ana')).toEqual({ version: 1, value: 'after' });
    expect(reported.filter((r) => r.context.operation === 'get')).toEqual([]);
  });

  it('while Redis is down a read misses within getTimeoutMs and is reported', async () => {
    cache = open({ getTimeoutMs: 200 });
    await cache.setIfNewer('profile:ana', { version: 3, value: 'before' });
    await server.stop();

    const started = Date.now();
    expect(await cache.get('profile:ana')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(reported.some((r) => r.context.operation === 'get')).toBe(true);
  });

  it('while Redis is down a write rejects once ioredis gives up on it', async () => {
    cache = open({ maxRetriesPerRequest: 1 });
    await cache.setIfNewer('profile:ana', { version: 3, value: 'before' });
    await server.stop();

    await expect(cache.setIfNewer('profile:ana', { version: 4, value: 'lost' })).rejects.toThrow();
    await expect(cache.deleteByPrefix('profile:')).rejects.toThrow();
  });
});
