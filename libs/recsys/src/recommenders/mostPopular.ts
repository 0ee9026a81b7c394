import { itemPopularity, type InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import type { ScoringRecommender } from './recommender';

/**
 * MostPop: everyone gets the items most users listened to. Not personal at all,
 * which is why it is the floor every other model must clear.
 */
export class MostPopular implements ScoringRecommender {
  readonly name = 'MostPop';
  private scores = new Float64Array(0);

  fit(train: InteractionMatrix): void {
    this.scores = Float64Array.from(itemPopularity(train));
  }

  scoreAll(_user: number): Float64Array {
    return this.scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}
