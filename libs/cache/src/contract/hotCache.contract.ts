import type { HotCache } from '../hotCache';

/** A fresh, empty cache and a way to let time pass for it. */
export interface HotCacheSubject {
  cache: HotCache;
  /** Real sleep for Redis; a fake clock step for the LRU. */
  elapse(ms: number): Promise<void>;
}

/** Deterministic Fisher–Yates, so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The behaviour every HotCache adapter must show. Each adapter's spec calls
 * this with a factory that opens a fresh, empty cache; TTL tests use a 1 s
 * TTL (Redis' unit) and `elapse(1100)`.
 */
export function describeHotCacheContract(adapterName: string, open: () => Promise<HotCacheSubject>): void {
  describe(`HotCache contract: ${adapterName}`, () => {
    let cache: HotCache;
    let elapse: (ms: number) => Promise<void>;

    beforeEach(async () => {
      ({ cache, elapse } = await open());
    });
    afterEach(async () => cache.close());

    describe('get and setIfNewer', () => {
      it('misses a key never written', async () => {
        expect(await cache.get('profile:nobody')).toBeUndefined();
      });

      it('returns what was stored, with its version', async () => {
        expect(await cache.setIfNewer('profile:ana', { version: 3, value: { genres: { jazz: 0.7 } } })).toBe(
          true,
        );
        expect(await cache.get('profile:ana')).toEqual({ version: 3, value: { genres: { jazz: 0.7 } } });
      });

      it('replaces a value with a newer version', async () => {
        await cache.setIfNewer('profile:ana', { version: 1, value: 'one' });
        expect(await cache.setIfNewer('profile:ana', { version: 2, value: 'two' })).toBe(true);
        expect(await cache.get('profile:ana')).toEqual({ version: 2, value: 'two' });
      });

      it('never lets an older version overwrite a newer one', async () => {
        await cache.setIfNewer('profile:ana', { version: 5, value: 'five' });
        expect(await cache.setIfNewer('profile:ana', { version: 4, value: 'four' })).toBe(false);
        expect(await cache.get('profile:ana')).toEqual({ version: 5, value: 'five' });
      });

      it('does not overwrite on an equal version (the first writer of a version wins)', async () => {
        await cache.setIfNewer('profile:ana', { version: 5, value: 'first' });
        expect(await cache.setIfNewer('profile:ana', { version: 5, value: 'second' })).toBe(false);
        expect(await cache.get('profile:ana')).toEqual({ version: 5, value: 'first' });
      });

      it('compares versions as numbers, not strings (10 is newer than 9)', async () => {
        await cache.setIfNewer('profile:ana', { version: 9, value: 'nine' });
        expect(await cache.setIfNewer('profile:ana', { version: 10, value: 'ten' })).toBe(true);
        expect(await cache.setIfNewer('profile:ana', { version: 9, value: 'nine' })).toBe(false);
        expect((await cache.get('profile:ana'))?.version).toBe(10);
      });

      it('keeps keys apart', async () => {
        await cache.setIfNewer('profile:ana', { version: 2, value: 'ana' });
        await cache.setIfNewer('profile:bo', { version: 1, value: 'bo' });
        expect(await cache.get('profile:ana')).toEqual({ version: 2, value: 'ana' });
        expect(await cache.get('profile:bo')).toEqual({ version: 1, value: 'bo' });
      });

      it('rejects a version that is not a finite number, and a value JSON cannot carry', async () => {
        await expect(cache.setIfNewer('k', { version: Number.NaN, value: 1 })).rejects.toThrow(RangeError);
        await expect(cache.setIfNewer('k', { version: 1, value: undefined })).rejects.toThrow(TypeError);
        await expect(cache.setIfNewer('k', { version: 1, value: 1 }, 0)).rejects.toThrow(RangeError);
        expect(await cache.get('k')).toBeUndefined();
      });
    });

    describe('values round-trip as JSON', () => {
      it.each([
        ['a nested object', { a: { b: { c: [1, 2, { d: null, e: true }] } }, n: -0.125, big: 1e21 }],
        ['unicode text', 'ça va? 日本語 — 🎧🎶 e\u0301 \u0000 "quoted" \\ back'],
        ['an array', [{ trackId: 't-1' }, { trackId: 't-2' }]],
        ['null (a stored null is not a miss)', null],
        ['an empty string', ''],
        ['a number', 42],
        ['a boolean', false],
      ])('%s', async (_label, value) => {
        await cache.setIfNewer('value', { version: 1, value });
        expect(await cache.get('value')).toEqual({ version: 1, value });
      });

      it('unicode and spaces in keys', async () => {
        await cache.setIfNewer('profile:Zoë Ö 🎸', { version: 1, value: 'ok' });
        expect(await cache.get('profile:Zoë Ö 🎸')).toEqual({ version: 1, value: 'ok' });
        expect(await cache.get('profile:Zoe O 🎸')).toBeUndefined();
      });

      it('a value of 200 KB', async () => {
        const value = {
          tracks: Array.from({ length: 2_000 }, (_, i) => ({ id: `track-${i}`, why: 'x'.repeat(80) })),
        };
        await cache.setIfNewer('playlist:long', { version: 1, value });
        expect(await cache.get('playlist:long')).toEqual({ version: 1, value });
      });

      it('hands out copies: changing a value after get or set does not change the cache', async () => {
        const value = { genres: ['jazz'] };
        await cache.setIfNewer('profile:ana', { version: 1, value });
        value.genres.push('mutated after set');
        const read = await cache.get<{ genres: string[] }>('profile:ana');
        read?.value.genres.push('mutated after get');
        expect(await cache.get('profile:ana')).toEqual({ version: 1, value: { genres: ['jazz'] } });
      });
    });

    describe('TTL', () => {
      it('an entry with a TTL is there before it and gone after it', async () => {
        await cache.setIfNewer('session:ana', { version: 1, value: 'mood' }, 1);
        expect(await cache.get('session:ana')).toEqual({ version: 1, value: 'mood' });
        await elapse(1_100);
        expect(await cache.get('session:ana')).toBeUndefined();
      });

      it('a newer write without a TTL lives on after the TTL of the one it replaced', async () => {
        await cache.setIfNewer('profile:ana', { version: 1, value: 'short-lived' }, 1);
        await cache.setIfNewer('profile:ana', { version: 2, value: 'kept' });
        await elapse(1_100);
        expect(await cache.get('profile:ana')).toEqual({ version: 2, value: 'kept' });
      });

      it('expiry forgets the version too, so a TTL bounds how long a late stale write can live', async () => {
        await cache.setIfNewer('profile:ana', { version: 5, value: 'five' }, 1);
        await elapse(1_100);
        expect(await cache.setIfNewer('profile:ana', { version: 3, value: 'three' })).toBe(true);
        expect(await cache.get('profile:ana')).toEqual({ version: 3, value: 'three' });
      });
    });

    describe('delete', () => {
      it('removes one key and forgets its version', async () => {
        await cache.setIfNewer('profile:ana', { version: 5, value: 'five' });
        await cache.setIfNewer('profile:bo', { version: 1, value: 'bo' });
        await cache.delete('profile:ana');
        expect(await cache.get('profile:ana')).toBeUndefined();
        expect(await cache.get('profile:bo')).toEqual({ version: 1, value: 'bo' });
        // After a delete (e.g. a rebuild) the read model may start again from a lower version.
        expect(await cache.setIfNewer('profile:ana', { version: 1, value: 'rebuilt' })).toBe(true);
      });

      it('deleting a missing key is a no-op', async () => {
        await expect(cache.delete('profile:nobody')).resolves.toBeUndefined();
      });
    });

    describe('deleteByPrefix', () => {
      it('removes only keys with the prefix and says how many', async () => {
        const keys = ['listener-1:profile', 'listener-1:playlist:a', 'listener-1:playlist:b'];
        const kept = ['listener-10:profile', 'listener-2:profile', 'x:listener-1:profile'];
        for (const key of [...keys, ...kept]) await cache.setIfNewer(key, { version: 1, value: key });
        expect(await cache.deleteByPrefix('listener-1:')).toBe(3);
        for (const key of keys) expect(await cache.get(key)).toBeUndefined();
        for (const key of kept) expect(await cache.get(key)).toEqual({ version: 1, value: key });
      });

      it('treats glob characters in the prefix literally', async () => {
        const matching = ['a*[b]?:1', 'a*[b]?:2'];
        const lookalikes = ['axbc:1', 'a*b?:1', 'a*[b]x:1', 'a\\*[b]?:1'];
        for (const key of [...matching, ...lookalikes])
          await cache.setIfNewer(key, { version: 1, value: key });
        expect(await cache.deleteByPrefix('a*[b]?:')).toBe(2);
        for (const key of lookalikes) expect(await cache.get(key)).toEqual({ version: 1, value: key });
      });

      it('counts 0 when nothing matches', async () => {
        await cache.setIfNewer('listener-2:profile', { version: 1, value: 1 });
        expect(await cache.deleteByPrefix('listener-1:')).toBe(0);
      });

      it('removes more keys than one batch', async () => {
        const keys = Array.from({ length: 1_234 }, (_, i) => `forgotten:${i}`);
        await Promise.all(keys.map((key) => cache.setIfNewer(key, { version: 1, value: key })));
        await cache.setIfNewer('kept', { version: 1, value: 'kept' });
        expect(await cache.deleteByPrefix('forgotten:')).toBe(keys.length);
        expect(await cache.get('forgotten:0')).toBeUndefined();
        expect(await cache.get('forgotten:1233')).toBeUndefined();
        expect(await cache.get('kept')).toEqual({ version: 1, value: 'kept' });
      });
    });

    describe('concurrency', () => {
      it('many concurrent setIfNewer with shuffled versions end at the highest version', async () => {
        const versions = shuffled(
          Array.from({ length: 300 }, (_, i) => i + 1),
          20_261_124,
        );
        const results = await Promise.all(
          versions.map((version) => cache.setIfNewer('profile:ana', { version, value: { from: version } })),
        );
        expect(await cache.get('profile:ana')).toEqual({ version: 300, value: { from: 300 } });
        expect(results[versions.indexOf(300)]).toBe(true);
      });

      it('concurrent writers on many keys each end at their highest version', async () => {
        const keys = Array.from({ length: 20 }, (_, k) => `profile:${k}`);
        const writes = shuffled(
          keys.flatMap((key) => Array.from({ length: 15 }, (_, v) => ({ key, version: v + 1 }))),
          7,
        );
        await Promise.all(
          writes.map(({ key, version }) => cache.setIfNewer(key, { version, value: version })),
        );
        for (const key of keys) expect(await cache.get(key)).toEqual({ version: 15, value: 15 });
      });
    });
  });
}
