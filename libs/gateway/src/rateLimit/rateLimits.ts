/** A token bucket: `perSecond` refill, at most `burst` requests at once. */
export interface BucketRule {
  perSecond: number;
  burst: number;
}

/** Buckets are per verified listener, one for the admin, and per client address for everyone else. */
export interface RateLimits {
  listener: BucketRule;
  admin: BucketRule;
  anonymous: BucketRule;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  listener: { perSecond: 50, burst: 100 },
  admin: { perSecond: 50, burst: 100 },
  anonymous: { perSecond: 20, burst: 60 },
};
