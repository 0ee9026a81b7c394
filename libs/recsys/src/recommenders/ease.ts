import { itemPopularity, type InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { invertSymmetricPositiveDefinite } from '../linearAlgebra/invertSymmetricPositiveDefinite';
import { logScaledWeight } from './implicitWeight';
import type { ScoringRecommender } from './recommender';

export interface EaseOptions {
  /** L2 regularisation λ on the item–item weights. */
  lambda?: number;
  /**
   * Only the most popular `maxItems` items get a learned row and column: the
   * closed form inverts a dense maxItems² matrix (n³ work, n² memory), and an
   * item with one or two listeners has too little evidence for its own weights
   * anyway. Other items score -Infinity here and are left to other signals.
   */
  maxItems?: number;
  /** Weigh each of the listener's items by its log plays (relative to their most played) when scoring, instead of 1. */
  weightedInput?: boolean;
}

/**
 * EASE (Steck 2019): the item–item weight matrix B that best rebuilds each
 * listener's row from their other items, with B's diagonal forced to zero and
 * an L2 penalty, has a closed form: P = (XᵀX + λI)⁻¹, B = -P / diag(P).
 * Unlike k-nearest neighbours it learns negative and conditional evidence
 * ("people who play A and B rarely play C"), which is why it ranks better.
 */
export class Ease implements ScoringRecommender {
  readonly name = 'EASE';
  private readonly lambda: number;
  private readonly maxItems: number;
  private readonly weightedInput: boolean;
  private train?: InteractionMatrix;
  /** Item index -> row in B, or -1 when the item is not modelled. */
  private slot = new Int32Array(0);
  private modelled = new Int32Array(0);
  private weights: Float64Array = new Float64Array(0);

  constructor(options: EaseOptions = {}) {
    this.lambda = options.lambda ?? 300;
    this.maxItems = options.maxItems ?? 2000;
    this.weightedInput = options.weightedInput ?? false;
  }

  fit(train: InteractionMatrix): void {
    this.train = train;
    const pop = itemPopularity(train);
    const order = Array.from({ length: train.itemCount }, (_, i) => i)
      .filter((i) => pop[i] > 0)
      .sort((a, b) => pop[b] - pop[a] || a - b)
      .slice(0, this.maxItems);
    const n = order.length;
    this.modelled = Int32Array.from(order);
    this.slot = new Int32Array(train.itemCount).fill(-1);
    order.forEach((item, s) => (this.slot[item] = s));

    // Gram matrix XᵀX over binary listening: co-listener counts.
    const g = new Float64Array(n * n);
    const mine: number[] = [];
    for (let u = 0; u < train.userCount; u++) {
      mine.length = 0;
      for (let p = train.userOffsets[u]; p < train.userOffsets[u + 1]; p++) {
        const s = this.slot[train.userItems[p]];
        if (s >= 0) mine.push(s);
      }
      for (const a of mine) for (const b of mine) g[a * n + b] += 1;
    }
    for (let s = 0; s < n; s++) g[s * n + s] += this.lambda;

    const p = invertSymmetricPositiveDefinite(g, n);
    // B[i][j] = -P[i][j] / P[j][j], zero diagonal; stored row-major by i (the "from" item).
    const diag = new Float64Array(n);
    for (let s = 0; s < n; s++) diag[s] = p[s * n + s];
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = 0; j < n; j++) p[row + j] = i === j ? 0 : -p[row + j] / diag[j];
    }
    this.weights = p;
  }

  scoreAll(user: number): Float64Array {
    const train = this.train;
    if (!train) throw new Error('Ease: fit before scoring');
    const n = this.modelled.length;
    const acc = new Float64Array(n);
    const from = train.userOffsets[user];
    const to = train.userOffsets[user + 1];
    let most = 0;
    for (let p = from; p < to; p++) most = Math.max(most, logScaledWeight(train.userWeights[p]));
    for (let p = from; p < to; p++) {
      const s = this.slot[train.userItems[p]];
      if (s < 0) continue;
      const x = this.weightedInput && most > 0 ? logScaledWeight(train.userWeights[p]) / most : 1;
      const row = s * n;
      for (let j = 0; j < n; j++) acc[j] += x * this.weights[row + j];
    }
    const scores = new Float64Array(train.itemCount).fill(-Infinity);
    for (let s = 0; s < n; s++) scores[this.modelled[s]] = acc[s];
    return scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}
