import type { InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { logScaledWeight } from './implicitWeight';
import { collectNeighbours, type NeighbourLists } from './neighbourhood';
import type { ScoringRecommender } from './recommender';

export interface UserKnnOptions {
  /** Most similar listeners consulted per user. */
  neighbours?: number;
  shrink?: number;
}

/**
 * UserKNN: "listeners like you also play this". User–user cosine on log-scaled
 * play counts; a user's score for item j sums, over their nearest listeners,
 * similarity × how much that listener plays j.
 */
export class UserKnn implements ScoringRecommender {
  readonly name = 'UserKNN';
  private readonly neighbours: number;
  private readonly shrink: number;
  private train?: InteractionMatrix;
  private lists?: NeighbourLists;
  private userW = new Float64Array(0);

  constructor(options: UserKnnOptions = {}) {
    this.neighbours = options.neighbours ?? 50;
    this.shrink = options.shrink ?? 0;
  }

  fit(train: InteractionMatrix): void {
    this.train = train;
    const w = (this.userW = train.userWeights.map(logScaledWeight));
    const itemW = train.itemWeights.map(logScaledWeight);
    const norms = new Float64Array(train.userCount);
    for (let u = 0; u < train.userCount; u++) {
      let s = 0;
      for (let p = train.userOffsets[u]; p < train.userOffsets[u + 1]; p++) s += w[p] * w[p];
      norms[u] = Math.sqrt(s);
    }
    const dot = new Float64Array(train.userCount);
    const touched: number[] = [];
    this.lists = collectNeighbours(train.userCount, this.neighbours, (u, keep) => {
      touched.length = 0;
      for (let p = train.userOffsets[u]; p < train.userOffsets[u + 1]; p++) {
        const i = train.userItems[p];
        const wu = w[p];
        for (let q = train.itemOffsets[i]; q < train.itemOffsets[i + 1]; q++) {
          const v = train.itemUsers[q];
          if (v === u) continue;
          if (dot[v] === 0) touched.push(v);
          dot[v] += wu * itemW[q];
        }
      }
      for (const v of touched) {
        keep(v, dot[v] / (norms[u] * norms[v] + this.shrink));
        dot[v] = 0;
      }
    });
  }

  scoreAll(user: number): Float64Array {
    const train = this.train;
    const lists = this.lists;
    if (!train || !lists) throw new Error('UserKnn: fit before scoring');
    const scores = new Float64Array(train.itemCount);
    for (let q = lists.offsets[user]; q < lists.offsets[user + 1]; q++) {
      const v = lists.neighbours[q];
      const s = lists.similarities[q];
      for (let p = train.userOffsets[v]; p < train.userOffsets[v + 1]; p++)
        scores[train.userItems[p]] += s * this.userW[p];
    }
    return scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}
