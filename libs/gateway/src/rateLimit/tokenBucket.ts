import type { BucketRule } from './rateLimits';

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key. Each key refills `perSecond` tokens up to `burst`; a
 * request takes one. Buckets live in a bounded map (least recently used
 * first out), so a flood of distinct keys cannot grow memory without bound.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: BucketRule,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 50_000,
  ) {
    if (!(rule.perSecond > 0 && rule.burst >= 1))
      throw new RangeError('a bucket needs perSecond > 0 and burst >= 1');
  }

  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.burst, at: now };
    this.buckets.delete(key);
    const refilled = Math.min(
      this.rule.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.rule.perSecond,
    );
    const next: Bucket = { tokens: refilled, at: now };
    let result: TakeResult;
    if (refilled >= 1) {
      next.tokens = refilled - 1;
      result = { ok: true };
    } else {
      result = { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / this.rule.perSecond)) };
    }
    this.buckets.set(key, next);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    return result;
  }
}
