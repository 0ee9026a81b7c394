/**
 * Play counts are heavily skewed (1 .. 352,698 on Last.fm): one obsessive
 * artist would drown everything else. log(1 + plays) keeps the order but
 * compresses the range, the usual first step before treating counts as taste.
 */
export function logScaledWeight(plays: number): number {
  return Math.log1p(Math.max(0, plays));
}
