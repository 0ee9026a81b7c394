import type { InteractionMatrix } from '../evaluation/interactionMatrix';

/**
 * One interface for every model, as in Gorse: learn from the training
 * interactions once (`fit`), then answer per user (`recommend`). Models are
 * swapped behind it, so the evaluation harness and the service never know
 * which one they hold.
 */
export interface Recommender {
  /** A short name for tables and logs. */
  readonly name: string;
  fit(train: InteractionMatrix): void;
  /** Up to k item indices, best first, none for which `exclude(item)` is true. */
  recommend(user: number, k: number, exclude: (item: number) => boolean): number[];
}

/** A recommender that ranks by a dense score per item: the common shape behind `recommend`. */
export interface ScoringRecommender extends Recommender {
  /** Scores for every item for `user` (higher is better; -Infinity = cannot rank). */
  scoreAll(user: number): Float64Array;
}
