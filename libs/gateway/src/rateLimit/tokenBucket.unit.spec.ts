import { TokenBuckets } from './tokenBucket';

describe('token buckets', () => {
  it('allow a burst, then refuse with how long to wait, then refill at the rate', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => buckets.take('ann').ok)).toEqual([true, true, true]);
    expect(buckets.take('ann')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 500; // one token back at 2/s
    expect(buckets.take('ann').ok).toBe(true);
    expect(buckets.take('ann').ok).toBe(false);
    now += 10_000; // never more than the burst
    expect([1, 2, 3, 4].map(() => buckets.take('ann').ok)).toEqual([true, true, true, false]);
  });

  it('keep one bucket per key', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, () => 0);
    expect(buckets.take('ann').ok).toBe(true);
    expect(buckets.take('ann').ok).toBe(false);
    expect(buckets.take('bob').ok).toBe(true);
  });

  it('forget the least recently used key when full, so distinct keys cannot grow memory', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, () => 0, 2);
    buckets.take('a');
    buckets.take('b');
    buckets.take('c'); // drops "a"
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('c').ok).toBe(false);
  });
});
