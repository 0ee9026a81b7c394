import type { InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { logScaledWeight } from './implicitWeight';
import { collectNeighbours, scoreByItemNeighbours, type NeighbourLists } from './neighbourhood';
import type { ScoringRecommender } from './recommender';

export interface ItemKnnOptions {
  /** Neighbours kept per item. */
  neighbours?: number;
  /** Added to the cosine's denominator: damps similarities resting on very few shared listeners. */
  shrink?: number;
  /** Table name, to tell tuned variants apart. */
  name?: string;
}

/**
 * ItemKNN: "listeners of what you play also play this". Item–item cosine on
 * log-scaled play counts, the top neighbours kept per item; a user's score for
 * item j sums j's similarity to each of the user's items, weighted by how much
 * the user plays them.
 */
export class ItemKnn implements ScoringRecommender {
  readonly name: string;
  private readonly neighbours: number;
  private readonly shrink: number;
  private train?: InteractionMatrix;
  private lists?: NeighbourLists;

  constructor(options: ItemKnnOptions = {}) {
    this.neighbours = options.neighbours ?? 100;
    this.shrink = options.shrink ?? 0;
    this.name = options.name ?? 'ItemKNN';
  }

  fit(train: InteractionMatrix): void {
    this.train = train;
    const w = train.userWeights.map(logScaledWeight);
    const itemW = train.itemWeights.map(logScaledWeight);
    const norms = new Float64Array(train.itemCount);
    for (let i = 0; i < train.itemCount; i++) {
      let s = 0;
      for (let p = train.itemOffsets[i]; p < train.itemOffsets[i + 1]; p++) s += itemW[p] * itemW[p];
      norms[i] = Math.sqrt(s);
    }
    const dot = new Float64Array(train.itemCount);
    const touched: number[] = [];
    this.lists = collectNeighbours(train.itemCount, this.neighbours, (i, keep) => {
      touched.length = 0;
      for (let p = train.itemOffsets[i]; p < train.itemOffsets[i + 1]; p++) {
        const u = train.itemUsers[p];
        const wi = itemW[p];
        for (let q = train.userOffsets[u]; q < train.userOffsets[u + 1]; q++) {
          const j = train.userItems[q];
          if (j === i) continue;
          if (dot[j] === 0) touched.push(j);
          dot[j] += wi * w[q];
        }
      }
      for (const j of touched) {
        keep(j, dot[j] / (norms[i] * norms[j] + this.shrink));
        dot[j] = 0;
      }
    });
  }

  scoreAll(user: number): Float64Array {
    const train = this.train;
    const lists = this.lists;
    if (!train || !lists) throw new Error('ItemKnn: fit before scoring');
    return scoreByItemNeighbours(train, lists, user);
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}
