import type { TrustScore } from './trustScore';

export const TRUST_LEVELS = ['stranger', 'acquaintance', 'friend', 'close_friend', 'best_friend'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** The lowest score of each level; a level runs up to, not including, the next one's minimum. */
export const TRUST_LEVEL_MINIMUMS: Readonly<Record<TrustLevel, TrustScore>> = {
  stranger: 0,
  acquaintance: 0.3,
  friend: 0.5,
  close_friend: 0.7,
  best_friend: 0.9,
};

export function trustLevelOf(score: TrustScore): TrustLevel {
  if (Number.isNaN(score)) throw new RangeError('trust score is NaN');
  // A blend such as 0.7 × 0.7 + 0.3 × 0.7 lands on 0.6999999999999999; a
  // level must not drop because of float noise, so compare at 1e-9.
  const settled = Math.round(score * 1e9) / 1e9;
  let level: TrustLevel = 'stranger';
  for (const candidate of TRUST_LEVELS) {
    if (settled >= TRUST_LEVEL_MINIMUMS[candidate]) level = candidate;
  }
  return level;
}
