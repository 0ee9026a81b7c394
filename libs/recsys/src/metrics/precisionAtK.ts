import { hitsAtK, type Ranked, type Relevant } from './rankedList';

/**
 * Precision@k: hits among the first k picks divided by k — by k, not by the
 * list length, so a recommender that returns fewer than k items is not rewarded
 * for it.
 */
export function precisionAtK<T>(ranked: Ranked<T>, relevant: Relevant<T>, k: number): number {
  return k <= 0 ? 0 : hitsAtK(ranked, relevant, k) / k;
}
