import { hitsAtK, type Ranked, type Relevant } from './rankedList';

/** HR@k: 1 when at least one of the first k picks is relevant, else 0 (averaged over users, the share of users served a hit). */
export function hitRateAtK<T>(ranked: Ranked<T>, relevant: Relevant<T>, k: number): number {
  return hitsAtK(ranked, relevant, k) > 0 ? 1 : 0;
}
