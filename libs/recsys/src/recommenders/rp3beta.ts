import { itemPopularity, type InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { logScaledWeight } from './implicitWeight';
import { collectNeighbours, scoreByItemNeighbours, type NeighbourLists } from './neighbourhood';
import type { ScoringRecommender } from './recommender';

export interface Rp3BetaOptions {
  /** Sharpens (>1) or flattens (<1) the random-walk transition probabilities. */
  alpha?: number;
  /** How hard to divide by the target item's popularity: 0 = plain random walk (P³), higher favours the long tail. */
  beta?: number;
  /** Neighbours kept per item. */
  neighbours?: number;
}

/**
 * RP3beta (Paudel et al. 2017; Christoffel et al. 2015): a three-step random
 * walk item → user → item over the listening graph, with each step's
 * probability raised to `alpha`, and the arrival item's score divided by its
 * popularity^beta. The division is what lets the long tail through, which plain
 * item-item similarity does not.
 */
export class Rp3Beta implements ScoringRecommender {
  readonly name = 'RP3beta';
  private readonly alpha: number;
  private readonly beta: number;
  private readonly neighbours: number;
  private train?: InteractionMatrix;
  private lists?: NeighbourLists;

  constructor(options: Rp3BetaOptions = {}) {
    this.alpha = options.alpha ?? 1;
    this.beta = options.beta ?? 0.5;
    this.neighbours = options.neighbours ?? 200;
  }

  fit(train: InteractionMatrix): void {
    this.train = train;
    const { alpha, beta } = this;
    // P(user -> item): the user's log plays, normalised over the user's items.
    const userStep = train.userWeights.map(logScaledWeight);
    for (let u = 0; u < train.userCount; u++)
      normaliseRange(userStep, train.userOffsets[u], train.userOffsets[u + 1], alpha);
    // P(item -> user): the item's log plays, normalised over the item's users.
    const itemStep = train.itemWeights.map(logScaledWeight);
    for (let i = 0; i < train.itemCount; i++)
      normaliseRange(itemStep, train.itemOffsets[i], train.itemOffsets[i + 1], alpha);
    const pop = itemPopularity(train);
    const penalty = Float64Array.from(pop, (p) => (p > 0 ? Math.pow(p, beta) : 1));

    const walk = new Float64Array(train.itemCount);
    const touched: number[] = [];
    this.lists = collectNeighbours(train.itemCount, this.neighbours, (i, keep) => {
      touched.length = 0;
      for (let p = train.itemOffsets[i]; p < train.itemOffsets[i + 1]; p++) {
        const u = train.itemUsers[p];
        const toUser = itemStep[p];
        for (let q = train.userOffsets[u]; q < train.userOffsets[u + 1]; q++) {
          const j = train.userItems[q];
          if (j === i) continue;
          if (walk[j] === 0) touched.push(j);
          walk[j] += toUser * userStep[q];
        }
      }
      for (const j of touched) {
        keep(j, walk[j] / penalty[j]);
        walk[j] = 0;
      }
    });
  }

  scoreAll(user: number): Float64Array {
    const train = this.train;
    const lists = this.lists;
    if (!train || !lists) throw new Error('Rp3Beta: fit before scoring');
    return scoreByItemNeighbours(train, lists, user);
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}

/** Turns weights[from..to) into probabilities raised to `alpha`. */
function normaliseRange(weights: Float64Array, from: number, to: number, alpha: number): void {
  let sum = 0;
  for (let p = from; p < to; p++) sum += weights[p];
  if (sum <= 0) return;
  for (let p = from; p < to; p++) weights[p] = Math.pow(weights[p] / sum, alpha);
}
