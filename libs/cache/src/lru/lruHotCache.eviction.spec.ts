import { estimateEntryBytes } from './entrySize';
import { LruHotCache } from './lruHotCache';

// Three entries of this shape fit the budget; a fourth does not.
const value = (n: number) => ({ n, pad: 'x'.repeat(50) });
const size = (key: string, n: number) => estimateEntryBytes(key, JSON.stringify(value(n)));
const budgetForThree = size('k1', 1) * 3 + 10;

describe('LruHotCache keeps within its memory budget', () => {
  it('evicts the least recently written entry when a new one does not fit', async () => {
    const cache = new LruHotCache({ maxBytes: budgetForThree });
    for (const n of [1, 2, 3, 4]) await cache.setIfNewer(`k${n}`, { version: 1, value: value(n) });
    expect(await cache.get('k1')).toBeUndefined();
    for (const n of [2, 3, 4]) expect(await cache.get(`k${n}`)).toEqual({ version: 1, value: value(n) });
    expect(cache.stats()).toMatchObject({ entries: 3, evictions: 1 });
  });

  it('a read makes an entry recent: the least recently used goes, not the oldest written', async () => {
    const cache = new LruHotCache({ maxBytes: budgetForThree });
    for (const n of [1, 2, 3]) await cache.setIfNewer(`k${n}`, { version: 1, value: value(n) });
    await cache.get('k1');
    await cache.setIfNewer('k4', { version: 1, value: value(4) });
    expect(await cache.get('k2')).toBeUndefined();
    expect(await cache.get('k1')).toEqual({ version: 1, value: value(1) });
  });

  it('a newer version makes an entry recent', async () => {
    const cache = new LruHotCache({ maxBytes: budgetForThree });
    for (const n of [1, 2, 3]) await cache.setIfNewer(`k${n}`, { version: 1, value: value(n) });
    await cache.setIfNewer('k1', { version: 2, value: value(1) });
    await cache.setIfNewer('k4', { version: 1, value: value(4) });
    expect(await cache.get('k2')).toBeUndefined();
    expect(await cache.get('k1')).toEqual({ version: 2, value: value(1) });
  });

  it('evicts as many entries as one large newcomer needs', async () => {
    const cache = new LruHotCache({ maxBytes: budgetForThree });
    for (const n of [1, 2, 3]) await cache.setIfNewer(`k${n}`, { version: 1, value: value(n) });
    const big = { pad: 'y'.repeat(100) }; // about two small entries' worth
    expect(await cache.setIfNewer('big', { version: 1, value: big })).toBe(true);
    expect(await cache.get('k1')).toBeUndefined();
    expect(await cache.get('k2')).toBeUndefined();
    expect(await cache.get('k3')).toEqual({ version: 1, value: value(3) });
    expect(cache.stats().bytes).toBeLessThanOrEqual(budgetForThree);
  });

  it('refuses a value larger than the whole budget, and drops the older version it could not replace', async () => {
    const cache = new LruHotCache({ maxBytes: 1_000 });
    await cache.setIfNewer('profile', { version: 1, value: 'small' });
    await cache.setIfNewer('other', { version: 1, value: 'other' });
    expect(await cache.setIfNewer('profile', { version: 2, value: 'z'.repeat(1_000) })).toBe(false);
    // Version 1 is known stale now: serving it would be worse than a miss.
    expect(await cache.get('profile')).toBeUndefined();
    expect(await cache.get('other')).toEqual({ version: 1, value: 'other' });
    expect(cache.stats().evictions).toBe(0);
  });

  it('charges each entry its JSON length x 2 plus overhead, and gives the bytes back on delete', async () => {
    const cache = new LruHotCache({ maxBytes: 10_000 });
    await cache.setIfNewer('a', { version: 1, value: { x: 'é' } });
    await cache.setIfNewer('bb', { version: 1, value: [1, 2, 3] });
    expect(cache.stats().bytes).toBe(
      estimateEntryBytes('a', '{"x":"é"}') + estimateEntryBytes('bb', '[1,2,3]'),
    );
    await cache.setIfNewer('a', { version: 2, value: 'longer value' });
    expect(cache.stats().bytes).toBe(
      estimateEntryBytes('a', '"longer value"') + estimateEntryBytes('bb', '[1,2,3]'),
    );
    await cache.delete('a');
    await cache.deleteByPrefix('b');
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('frees the memory of expired entries when it notices them', async () => {
    let now = 0;
    const cache = new LruHotCache({ maxBytes: 10_000, now: () => now });
    await cache.setIfNewer('a', { version: 1, value: 'a' }, 1);
    now += 1_000;
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, evictions: 0 });
  });

  it('does not accept a budget that is not a positive number', () => {
    expect(() => new LruHotCache({ maxBytes: 0 })).toThrow(RangeError);
    expect(() => new LruHotCache({ maxBytes: Number.NaN })).toThrow(RangeError);
  });
});
