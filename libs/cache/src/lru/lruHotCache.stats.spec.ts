import { DEFAULT_MAX_BYTES, LruHotCache } from './lruHotCache';

describe('LruHotCache.stats()', () => {
  it('starts empty with the default budget', () => {
    expect(new LruHotCache().stats()).toEqual({
      entries: 0,
      bytes: 0,
      maxBytes: DEFAULT_MAX_BYTES,
      hits: 0,
      misses: 0,
      evictions: 0,
    });
  });

  it('counts hits and misses, including a read of an expired entry as a miss', async () => {
    let now = 0;
    const cache = new LruHotCache({ maxBytes: 10_000, now: () => now });
    await cache.setIfNewer('a', { version: 1, value: 'a' });
    await cache.setIfNewer('b', { version: 1, value: 'b' }, 1);
    await cache.get('a');
    await cache.get('a');
    await cache.get('b');
    await cache.get('nope');
    now += 1_000;
    await cache.get('b');
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 3, misses: 2, evictions: 0 });
  });

  it('rejected older writes change nothing', async () => {
    const cache = new LruHotCache({ maxBytes: 10_000 });
    await cache.setIfNewer('a', { version: 2, value: 'a' });
    const before = cache.stats();
    await cache.setIfNewer('a', { version: 1, value: 'a much longer value than before' });
    expect(cache.stats()).toEqual(before);
  });

  it('close() empties the cache', async () => {
    const cache = new LruHotCache({ maxBytes: 10_000 });
    await cache.setIfNewer('a', { version: 1, value: 'a' });
    await cache.close();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
