import { hitsAtK, type Ranked, type Relevant } from './rankedList';

/** Recall@k: the share of the relevant items found in the first k picks (0 when nothing is relevant). */
export function recallAtK<T>(ranked: Ranked<T>, relevant: Relevant<T>, k: number): number {
  return relevant.size === 0 ? 0 : hitsAtK(ranked, relevant, k) / relevant.size;
}
