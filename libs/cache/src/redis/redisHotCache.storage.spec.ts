import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startRedis, type RunningRedis } from '@qfzz/testing';
import { RedisHotCache, type CacheErrorContext } from './redisHotCache';

jest.setTimeout(30_000);

describe('RedisHotCache: what it stores in Redis and where', () => {
  let server: RunningRedis;
  let raw: Redis;
  const open: RedisHotCache[] = [];
  const cacheIn = (namespace: string, extra: { scanBatchSize?: number } = {}) => {
    const cache = new RedisHotCache({ url: server.url, namespace, getTimeoutMs: 10_000, ...extra });
    open.push(cache);
    return cache;
  };

  beforeAll(async () => {
    server = await startRedis();
    raw = new Redis(server.url);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((cache) => cache.close()));
  });
  afterAll(async () => {
    await raw?.quit();
    await server?.stop();
  });

  it('prefixes keys with the namespace, `qfzz:` by default, and stores {v, j} with a millisecond TTL', async () => {
    const cache = new RedisHotCache({ url: server.url });
    open.push(cache);
    await cache.setIfNewer('profile:ana', { version: 7, value: { mood: 'calm' } }, 60);
    expect(await raw.hgetall('qfzz:profile:ana')).toEqual({ v: '7', j: '{"mood":"calm"}' });
    const ttl = await raw.pttl('qfzz:profile:ana');
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await cache.delete('profile:ana');
    expect(await raw.exists('qfzz:profile:ana')).toBe(0);
  });

  it('deleteByPrefix leaves other namespaces alone, even one that starts like this one', async () => {
    const ns = `ns-${randomUUID()}`;
    const mine = cacheIn(`${ns}:`);
    const longer = cacheIn(`${ns}:x:`);
    const other = cacheIn(`${ns}-other:`);
    await mine.setIfNewer('a:1', { version: 1, value: 1 });
    await longer.setIfNewer('a:1', { version: 1, value: 1 });
    await other.setIfNewer('x:a:1', { version: 1, value: 1 });
    expect(await longer.deleteByPrefix('')).toBe(1);
    expect(await mine.get('a:1')).toEqual({ version: 1, value: 1 });
    expect(await other.get('x:a:1')).toEqual({ version: 1, value: 1 });
  });

  it('deleteByPrefix works through many small SCAN/UNLINK batches', async () => {
    const cache = cacheIn(`batches-${randomUUID()}:`, { scanBatchSize: 7 });
    await Promise.all(
      Array.from({ length: 250 }, (_, i) => cache.setIfNewer(`listener-9:${i}`, { version: 1, value: i })),
    );
    await cache.setIfNewer('listener-90:kept', { version: 1, value: 'kept' });
    const unlink = jest.spyOn(cache.redis, 'unlink');
    expect(await cache.deleteByPrefix('listener-9:')).toBe(250);
    expect(unlink.mock.calls.every((keys) => keys.length <= 7)).toBe(true);
    expect(unlink.mock.calls.length).toBeGreaterThanOrEqual(Math.ceil(250 / 7));
    expect(await cache.get('listener-90:kept')).toEqual({ version: 1, value: 'kept' });
  });

  it('replicas racing through separate connections still end at the highest version', async () => {
    const namespace = `replicas-${randomUUID()}:`;
    const replicas = [cacheIn(namespace), cacheIn(namespace), cacheIn(namespace)];
    const versions = Array.from({ length: 90 }, (_, i) => 90 - i); // newest first: the worst order
    const stored = await Promise.all(
      versions.map((version, i) =>
        replicas[i % replicas.length].setIfNewer('playlist:ana', { version, value: `v${version}` }),
      ),
    );
    expect(stored.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(await replicas[1].get('playlist:ana')).toEqual({ version: 90, value: 'v90' });
  });

  it('does not send KEYS (it would block Redis for every client)', async () => {
    const cache = cacheIn(`nokeys-${randomUUID()}:`);
    await cache.setIfNewer('a', { version: 1, value: 1 });
    const keys = jest.spyOn(cache.redis, 'keys');
    const scan = jest.spyOn(cache.redis, 'scan');
    await cache.deleteByPrefix('');
    expect(keys).not.toHaveBeenCalled();
    expect(scan).toHaveBeenCalled();
  });

  it('reports connection errors instead of letting ioredis print them', async () => {
    const reported: CacheErrorContext[] = [];
    const cache = new RedisHotCache({
      url: 'redis://127.0.0.1:1', // nothing listens on port 1
      onError: (_error, context) => reported.push(context),
      getTimeoutMs: 300,
      redis: { retryStrategy: () => null, lazyConnect: true },
    });
    open.push(cache);
    expect(await cache.get('profile:ana')).toBeUndefined();
    expect(reported.map((c) => c.operation)).toEqual(expect.arrayContaining(['connection', 'get']));
  });
});
