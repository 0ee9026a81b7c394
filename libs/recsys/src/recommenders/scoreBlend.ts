import { topK } from '../evaluation/topK';
import { ndcgAtK } from '../metrics/ndcgAtK';

/**
 * One listener's candidates for a blend: the union of each component's best
 * items, with each component's score for every candidate divided by that
 * component's best score among them (so 1.0 = "this component's top pick",
 * whatever its native scale).
 */
export interface CandidatePool {
  items: Int32Array;
  /** `features[c][j]`: component c's scaled score for `items[j]`. */
  features: Float64Array[];
}

/** Builds a pool from full score arrays (one per component), skipping excluded items. */
export function candidatePool(
  scores: readonly Float64Array[],
  perComponent: number,
  exclude: (item: number) => boolean,
): CandidatePool {
  const set = new Set<number>();
  for (const s of scores) for (const i of topK(s, perComponent, exclude)) set.add(i);
  const items = Int32Array.from(set).sort();
  const features = scores.map((s) => {
    const f = Float64Array.from(items, (i) => (Number.isFinite(s[i]) ? s[i] : 0));
    let best = 0;
    for (const v of f) if (v > best) best = v;
    if (best > 0) for (let j = 0; j < f.length; j++) f[j] /= best;
    return f;
  });
  return { items, features };
}

/** The blend Σ_c w_c × feature_c for every candidate of a pool. */
export function blendPool(pool: CandidatePool, weights: readonly number[]): Float64Array {
  const out = new Float64Array(pool.items.length);
  for (let c = 0; c < weights.length; c++) {
    const w = weights[c];
    if (w === 0) continue;
    const f = pool.features[c];
    for (let j = 0; j < out.length; j++) out[j] += w * f[j];
  }
  return out;
}

/**
 * The long-tail re-rank: the first `headSize` picks rank by
 * blend / (pop^headPenalty × (1 + exposure)^headExposure), the rest by
 * blend / pop^tailPenalty (a stronger penalty), so the top of the list stays
 * accurate while its bottom spreads over the catalog. `exposure` is how many
 * listeners' un-reranked top-k an item is in: damping it a little moves the
 * "everyone gets this" picks down, which (on Last.fm) even helps accuracy.
 */
export interface CoverageRerank {
  headSize: number;
  headPenalty: number;
  headExposure: number;
  tailPenalty: number;
}

export const NO_RERANK: CoverageRerank = {
  headSize: Number.MAX_SAFE_INTEGER,
  headPenalty: 0,
  headExposure: 0,
  tailPenalty: 0,
};

/** Per item: how many listeners have it (`popularity`) and in how many blended top-k lists it lands (`exposure`). */
export interface RerankContext {
  popularity: ArrayLike<number>;
  exposure: ArrayLike<number>;
}

/** Picks k candidates (indices into the pool's items, best first) under a re-rank. */
export function rerankPool(
  pool: CandidatePool,
  blended: Float64Array,
  context: RerankContext | undefined,
  k: number,
  rerank: CoverageRerank,
  exclude?: (item: number) => boolean,
): number[] {
  // Ranked in log space: log(v) − γ·log(pop) − e·log(1 + exposure) orders like v / (pop^γ (1+exposure)^e),
  // one log per candidate instead of two powers. A non-positive blend keeps its order below every positive one.
  let logBlend: Float64Array | undefined;
  const penalised = (gamma: number, exposureGamma: number): Float64Array => {
    if (!context || (gamma === 0 && exposureGamma === 0)) return blended;
    logBlend ??= blended.map((v) => (v > 0 ? Math.log(v) : -1e9 + v));
    const out = new Float64Array(blended.length);
    for (let j = 0; j < out.length; j++) {
      const item = pool.items[j];
      out[j] =
        logBlend[j] -
        gamma * Math.log(Math.max(1, context.popularity[item])) -
        (exposureGamma === 0 ? 0 : exposureGamma * Math.log1p(context.exposure[item] ?? 0));
    }
    return out;
  };
  const skip = exclude ? (j: number) => exclude(pool.items[j]) : undefined;
  const headSize = Math.min(k, rerank.headSize);
  const head = topK(penalised(rerank.headPenalty, rerank.headExposure), headSize, skip);
  if (head.length >= k || headSize >= k) return head;
  const taken = new Set(head);
  const tail = topK(
    penalised(rerank.tailPenalty, 0),
    k - head.length,
    (j) => taken.has(j) || (skip?.(j) ?? false),
  );
  return [...head, ...tail];
}

/** Mean NDCG@k of the pools' blended top-k against held-out items (pools without any are skipped). */
export function poolNdcg(
  pools: readonly CandidatePool[],
  relevant: ReadonlyArray<ReadonlySet<number>>,
  weights: readonly number[],
  k: number,
  context?: RerankContext,
  rerank: CoverageRerank = NO_RERANK,
  blends?: readonly (Float64Array | undefined)[],
): number {
  let total = 0;
  let users = 0;
  pools.forEach((pool, u) => {
    if (relevant[u].size === 0) return;
    const picks = rerankPool(pool, blends?.[u] ?? blendPool(pool, weights), context, k, rerank);
    total += ndcgAtK(
      picks.map((j) => pool.items[j]),
      relevant[u],
      k,
    );
    users++;
  });
  return users === 0 ? 0 : total / users;
}

export interface AscentOptions {
  k: number;
  /** Values tried for each weight. */
  grid: readonly number[];
  rounds: number;
  /** Components whose weight stays 0 (e.g. a signal this ranker may not use). */
  frozen?: ReadonlySet<number>;
}

/**
 * Learns blend weights by coordinate ascent on validation NDCG@k (Metzler &
 * Croft 2007): the first weight is fixed at 1 (only ratios matter), then each
 * other weight in turn takes the grid value with the best NDCG, for a few
 * rounds. Direct, derivative-free, and it optimises the metric itself rather
 * than a surrogate loss.
 */
export function learnBlendWeights(
  pools: readonly CandidatePool[],
  relevant: ReadonlyArray<ReadonlySet<number>>,
  start: readonly number[],
  options: AscentOptions,
): { weights: number[]; ndcg: number } {
  const weights = start.map((w, c) => (options.frozen?.has(c) ? 0 : w));
  weights[0] = 1;
  let best = poolNdcg(pools, relevant, weights, options.k);
  for (let round = 0; round < options.rounds; round++) {
    let moved = false;
    for (let c = 1; c < weights.length; c++) {
      if (options.frozen?.has(c)) continue;
      for (const g of options.grid) {
        if (g === weights[c]) continue;
        const trial = [...weights];
        trial[c] = g;
        const v = poolNdcg(pools, relevant, trial, options.k);
        if (v > best + 1e-6) {
          best = v;
          weights[c] = g;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return { weights, ndcg: best };
}

/** Distinct items across every pool's top-k under a re-rank, over `catalogSize`. */
export function poolCoverage(
  pools: readonly (CandidatePool | undefined)[],
  weights: readonly number[],
  context: RerankContext,
  k: number,
  rerank: CoverageRerank,
  catalogSize: number,
  blends?: readonly (Float64Array | undefined)[],
): number {
  const seen = new Uint8Array(catalogSize);
  let distinct = 0;
  for (let u = 0; u < pools.length; u++) {
    const pool = pools[u];
    if (!pool) continue;
    for (const j of rerankPool(pool, blends?.[u] ?? blendPool(pool, weights), context, k, rerank)) {
      const item = pool.items[j];
      if (seen[item] === 0) {
        seen[item] = 1;
        distinct++;
      }
    }
  }
  return catalogSize === 0 ? 0 : distinct / catalogSize;
}

/** How many pools' plain blended top-k each item is in. */
export function poolExposure(
  pools: readonly (CandidatePool | undefined)[],
  weights: readonly number[],
  k: number,
  itemCount: number,
): Float64Array {
  const exposure = new Float64Array(itemCount);
  for (const pool of pools) {
    if (!pool) continue;
    for (const j of topK(blendPool(pool, weights), k)) exposure[pool.items[j]]++;
  }
  return exposure;
}
