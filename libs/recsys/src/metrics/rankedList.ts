/**
 * The metrics compare a ranked list (best first) with the set of items the user
 * actually went on to like. Items are any comparable key: artist index, track id.
 */
export type Ranked<T> = readonly T[];
export type Relevant<T> = ReadonlySet<T>;

/** How many of the first `k` ranked items are relevant. */
export function hitsAtK<T>(ranked: Ranked<T>, relevant: Relevant<T>, k: number): number {
  let hits = 0;
  const n = Math.min(k, ranked.length);
  for (let i = 0; i < n; i++) if (relevant.has(ranked[i])) hits++;
  return hits;
}
