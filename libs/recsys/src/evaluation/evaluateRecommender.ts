import { catalogCoverage } from '../metrics/catalogCoverage';
import { hitRateAtK } from '../metrics/hitRateAtK';
import { ndcgAtK } from '../metrics/ndcgAtK';
import { precisionAtK } from '../metrics/precisionAtK';
import { recallAtK } from '../metrics/recallAtK';
import type { Recommender } from '../recommenders/recommender';
import type { HoldoutSplit } from './holdoutSplit';

export interface EvaluationOptions {
  /** List length; 10 by default. */
  k?: number;
  /** Denominator of coverage: the number of items in the whole catalog (not just the trained ones). */
  catalogSize: number;
  /** A clock, passed in so this stays pure (e.g. `performance.now`); timings are 0 without one. */
  now?: () => number;
}

export interface EvaluationResult {
  model: string;
  k: number;
  /** Users with at least one held-out item: the ones the metrics average over. */
  users: number;
  ndcg: number;
  hitRate: number;
  recall: number;
  precision: number;
  coverage: number;
  /** Train items that showed up in a list: must be 0 (the protocol excludes them). */
  leakedTrainItems: number;
  fitMs: number;
  recommendMs: number;
}

/**
 * The offline protocol: fit on the train side, then for every user with
 * held-out items rank ALL items except the user's own train items (no sampled
 * negatives, which inflate numbers), keep the top k, and average the metrics
 * over users. Coverage counts distinct items across all those lists.
 */
export function evaluateRecommender(
  recommender: Recommender,
  split: HoldoutSplit,
  options: EvaluationOptions,
): EvaluationResult {
  const k = options.k ?? 10;
  const now = options.now ?? (() => 0);
  const { train, test } = split;

  const fitStart = now();
  recommender.fit(train);
  const fitMs = now() - fitStart;

  const ownItems = new Uint8Array(train.itemCount);
  const lists: number[][] = [];
  let users = 0;
  let ndcg = 0;
  let hitRate = 0;
  let recall = 0;
  let precision = 0;
  let leakedTrainItems = 0;
  const recommendStart = now();
  for (let u = 0; u < train.userCount; u++) {
    const relevant = test[u];
    if (relevant.size === 0) continue;
    const start = train.userOffsets[u];
    const end = train.userOffsets[u + 1];
    for (let p = start; p < end; p++) ownItems[train.userItems[p]] = 1;
    const list = recommender.recommend(u, k, (item) => ownItems[item] === 1);
    for (const item of list) if (ownItems[item] === 1) leakedTrainItems++;
    for (let p = start; p < end; p++) ownItems[train.userItems[p]] = 0;

    users++;
    ndcg += ndcgAtK(list, relevant, k);
    hitRate += hitRateAtK(list, relevant, k);
    recall += recallAtK(list, relevant, k);
    precision += precisionAtK(list, relevant, k);
    lists.push(list);
  }
  const recommendMs = now() - recommendStart;
  const mean = (x: number): number => (users === 0 ? 0 : x / users);
  return {
    model: recommender.name,
    k,
    users,
    ndcg: mean(ndcg),
    hitRate: mean(hitRate),
    recall: mean(recall),
    precision: mean(precision),
    coverage: catalogCoverage(lists, options.catalogSize),
    leakedTrainItems,
    fitMs,
    recommendMs,
  };
}
