import type { Recommender } from '../recommenders/recommender';
import { evaluateRecommender } from './evaluateRecommender';
import type { HoldoutSplit } from './holdoutSplit';
import { interactionMatrix, type InteractionMatrix } from './interactionMatrix';

// Two users, six items. User 0 trains on 0,1 and holds out 2; user 1 trains on 3 and holds out 4,5.
const train = interactionMatrix(2, 6, [
  { user: 0, item: 0, weight: 1 },
  { user: 0, item: 1, weight: 1 },
  { user: 1, item: 3, weight: 1 },
]);
const split: HoldoutSplit = { seed: 1, train, test: [new Set([2]), new Set([4, 5])] };

/** Ranks items by a fixed order, honouring (or, when `cheat`, ignoring) the exclusion. */
function fixedOrder(order: number[], cheat = false): Recommender {
  return {
    name: cheat ? 'cheater' : 'fixed',
    fit: (_: InteractionMatrix) => undefined,
    recommend: (_user, k, exclude) => order.filter((i) => cheat || !exclude(i)).slice(0, k),
  };
}

describe('evaluateRecommender: the offline protocol', () => {
  it('excludes each user’s own train items from their ranking', () => {
    const seen: number[][] = [];
    const spy: Recommender = {
      name: 'spy',
      fit: () => undefined,
      recommend: (user, _k, exclude) => {
        seen[user] = [0, 1, 2, 3, 4, 5].filter(exclude);
        return [];
      },
    };
    evaluateRecommender(spy, split, { catalogSize: 6, k: 2 });
    expect(seen).toEqual([[0, 1], [3]]);
  });

  it('an oracle scores 1 on every metric but precision, which divides by k', () => {
    const oracle: Recommender = {
      name: 'oracle',
      fit: () => undefined,
      recommend: (user) => [...split.test[user]],
    };
    const r = evaluateRecommender(oracle, split, { catalogSize: 6, k: 2 });
    expect(r).toMatchObject({ users: 2, ndcg: 1, hitRate: 1, recall: 1, leakedTrainItems: 0 });
    expect(r.precision).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(r.coverage).toBeCloseTo(3 / 6, 12);
  });

  it('averages over users: a fixed order 2,4,5 hits user 0 at rank 1 and user 1 at ranks 2..3', () => {
    const r = evaluateRecommender(fixedOrder([2, 4, 5]), split, { catalogSize: 6, k: 2 });
    // user 0: [2,4] → NDCG 1, recall 1; user 1: [2,4] → DCG 1/log2(3), IDCG 1 + 1/log2(3)
    const u1 = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
    expect(r.ndcg).toBeCloseTo((1 + u1) / 2, 12);
    expect(r.recall).toBeCloseTo((1 + 0.5) / 2, 12);
  });

  it('counts train items a model slips into its lists', () => {
    const r = evaluateRecommender(fixedOrder([0, 1, 3], true), split, { catalogSize: 6, k: 3 });
    expect(r.leakedTrainItems).toBe(3);
  });
});
