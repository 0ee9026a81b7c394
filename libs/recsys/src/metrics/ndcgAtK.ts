import type { Ranked, Relevant } from './rankedList';

/** The gain of a hit at 0-based rank `i`: 1 / log2(i + 2), so rank 0 counts 1. */
function discount(i: number): number {
  return 1 / Math.log2(i + 2);
}

/**
 * NDCG@k with binary relevance: the discounted hits of the list divided by the
 * best possible, which puts all relevant items first — at most k of them, so a
 * user with 30 held-out items can still reach 1.0 with a perfect top-10.
 * A user with nothing relevant scores 0 (no list can do better or worse).
 */
export function ndcgAtK<T>(ranked: Ranked<T>, relevant: Relevant<T>, k: number): number {
  const idealHits = Math.min(k, relevant.size);
  if (idealHits === 0) return 0;
  let dcg = 0;
  const n = Math.min(k, ranked.length);
  for (let i = 0; i < n; i++) if (relevant.has(ranked[i])) dcg += discount(i);
  let idcg = 0;
  for (let i = 0; i < idealHits; i++) idcg += discount(i);
  return dcg / idcg;
}
