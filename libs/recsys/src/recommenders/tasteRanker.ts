import { holdoutSplit } from '../evaluation/holdoutSplit';
import { itemPopularity, type Interaction, type InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { discoveryPickCount } from '../seed/discoverySplit';
import type { DiscoveryFactor } from '../taste/listenerTaste';
import { Ease, type EaseOptions } from './ease';
import { FriendsListening, type FriendGraph } from './friendsListening';
import { Ials, type IalsOptions } from './ials';
import { ItemKnn, type ItemKnnOptions } from './itemKnn';
import type { Recommender, ScoringRecommender } from './recommender';
import { Rp3Beta, type Rp3BetaOptions } from './rp3beta';
import {
  blendPool,
  candidatePool,
  learnBlendWeights,
  NO_RERANK,
  poolCoverage,
  poolExposure,
  poolNdcg,
  rerankPool,
  type CandidatePool,
  type CoverageRerank,
  type RerankContext,
} from './scoreBlend';
import { UserKnn, type UserKnnOptions } from './userKnn';

// Not in the package index yet: exported from here so `@qfzz/recsys` carries them.
export * from './ials';
export * from './scoreBlend';

export interface TasteRankerOptions {
  /** The listener graph; without it the ranker uses listening alone. */
  friends?: FriendGraph;
  /** Table name; by default "TasteRanker (friends)" / "TasteRanker (no friends)". */
  name?: string;
  /**
   * Catalog coverage the ranker's lists must reach over all listeners
   * (0 = none: rank for accuracy only). The long-tail re-rank is the most
   * accurate one on the validation split among those reaching this target.
   */
  coverageTarget?: number;
  /**
   * Share of each list kept for discoveries from the long tail, like the
   * listener's discovery factor: 0 = pure accuracy, 0.3 = 3 of 10 picks.
   */
  discoveryFactor?: DiscoveryFactor;
  /** An item counts as long tail when at least this many items are more popular. */
  longTailFromRank?: number;
  /** Fixed blend weights (EASE, RP3beta, ItemKNN, UserKNN, iALS, friends) instead of learned ones. */
  weights?: readonly number[];
  /** Share of each listener's train items held out to learn the blend (never the test set). */
  validationFraction?: number;
  /** Seed of the validation holdout. */
  validationSeed?: number;
  /** Candidates each component contributes per listener. */
  candidatesPerComponent?: number;
  /** List length the blend is tuned for. */
  k?: number;
  ease?: EaseOptions;
  rp3beta?: Rp3BetaOptions;
  itemKnn?: ItemKnnOptions;
  userKnn?: UserKnnOptions;
  ials?: IalsOptions;
}

/** Component order of `weights`. */
export const TASTE_RANKER_COMPONENTS = ['EASE', 'RP3beta', 'ItemKNN', 'UserKNN', 'iALS', 'friends'] as const;
const FRIENDS = 5;
/** Starting point of the ascent, and the blend used when there is nothing to learn from. */
const DEFAULT_WEIGHTS = [1, 1, 0, 0, 1, 0.5];
const WEIGHT_GRID = [0, 0.25, 0.5, 1, 2, 4];
const HEAD_SIZES = [6, 7, 8];
const HEAD_PENALTIES = [0, 0.1];
const HEAD_EXPOSURES = [0, 0.1];
const TAIL_PENALTIES = [0.3, 0.4, 0.5, 0.7];

/** What fitting learned, for reports: blend weights, the re-rank, and the validation curve behind it. */
export interface TasteRankerTuning {
  weights: number[];
  validationNdcg: number;
  rerank: CoverageRerank;
  /** Each re-rank tried: its validation NDCG and the coverage it gives on the full train's lists. */
  curve: { rerank: CoverageRerank; validationNdcg: number; coverage: number }[];
}

/**
 * Fitted listening components are shared by rankers fitted on the same
 * interactions (the friends and no-friends variants in one evaluation), keyed
 * by the matrix object and the options. A WeakMap: dropped with the matrix.
 */
const fitted = new WeakMap<InteractionMatrix, Map<string, unknown>>();
function memo<T>(train: InteractionMatrix, key: string, make: () => T): T {
  let byKey = fitted.get(train);
  if (!byKey) fitted.set(train, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key) as T;
}

/**
 * Our ranker: a learned blend of five collaborative views plus the social
 * signal, and a calibrated long-tail re-rank.
 *
 * - Components: EASE (closed-form item–item weights over the popular head),
 *   RP3beta (a popularity-damped random walk reaching the whole catalog),
 *   ItemKNN, UserKNN, iALS (latent factors) and, with a friend graph, what
 *   friends play. Each is scaled to the listener's best candidate (1.0).
 * - The blend weights are learned on a validation holdout carved from the
 *   TRAIN interactions only (25 % of each listener's train items), by
 *   coordinate ascent on NDCG@10; then every component is refitted on all of
 *   train.
 * - Coverage: the top of the list ranks by the blend (lightly damped by
 *   popularity and by how many listeners get the same pick), the last picks
 *   by a stronger popularity penalty. Which split and penalties: the most
 *   accurate on validation among those whose lists over all listeners (known
 *   at fit time without any test data) reach `coverageTarget`.
 * - `discoveryFactor` still reserves the last picks for the best-scored
 *   long-tail items, as the listener's discovery setting asks.
 */
export class TasteRanker implements Recommender {
  readonly name: string;
  private readonly options: TasteRankerOptions;
  private readonly k: number;
  private readonly coverageTarget: number;
  private readonly discoveryFactor: number;
  private readonly longTailFromRank: number;
  private components: ScoringRecommender[] = [];
  private weights: number[] = [...DEFAULT_WEIGHTS];
  private rerank: CoverageRerank = NO_RERANK;
  private context: RerankContext = { popularity: [], exposure: [] };
  private pools: (CandidatePool | undefined)[] = [];
  private itemCount = 0;
  private popularityRank = new Int32Array(0);
  /** Set by `fit`. */
  tuning?: TasteRankerTuning;

  constructor(options: TasteRankerOptions = {}) {
    this.options = options;
    this.k = options.k ?? 10;
    this.coverageTarget = options.coverageTarget ?? 0;
    this.discoveryFactor = options.discoveryFactor ?? 0;
    this.longTailFromRank = options.longTailFromRank ?? 1000;
    const parts = [options.friends ? 'friends' : 'no friends'];
    if (this.discoveryFactor > 0) parts.push(`discovery ${this.discoveryFactor}`);
    this.name = options.name ?? `TasteRanker (${parts.join(', ')})`;
  }

  private makeComponents(train: InteractionMatrix): ScoringRecommender[] {
    const o = this.options;
    const listening: [string, () => ScoringRecommender][] = [
      ['ease', () => new Ease({ lambda: 100, maxItems: 1000, weightedInput: true, ...o.ease })],
      ['rp3', () => new Rp3Beta({ alpha: 0.8, beta: 0.35, neighbours: 200, ...o.rp3beta })],
      ['itemknn', () => new ItemKnn({ neighbours: 400, ...o.itemKnn })],
      ['userknn', () => new UserKnn({ neighbours: 50, ...o.userKnn })],
      ['ials', () => new Ials({ factors: 64, iterations: 8, lambda: 30, alpha: 2, ...o.ials })],
    ];
    const options = JSON.stringify([o.ease, o.rp3beta, o.itemKnn, o.userKnn, o.ials]);
    const models = listening.map(([key, make]) =>
      memo(train, `${key}:${options}`, () => {
        const model = make();
        model.fit(train);
        return model;
      }),
    );
    if (o.friends) {
      const social = new FriendsListening(o.friends);
      social.fit(train);
      models.push(social);
    }
    return models;
  }

  /** Pools for every listener with train items, their own train items excluded. */
  private poolsFor(
    train: InteractionMatrix,
    components: ScoringRecommender[],
  ): (CandidatePool | undefined)[] {
    const perComponent = this.options.candidatesPerComponent ?? 100;
    const own = new Uint8Array(train.itemCount);
    const pools: (CandidatePool | undefined)[] = [];
    for (let u = 0; u < train.userCount; u++) {
      const from = train.userOffsets[u];
      const to = train.userOffsets[u + 1];
      if (from === to) {
        pools.push(undefined);
        continue;
      }
      for (let p = from; p < to; p++) own[train.userItems[p]] = 1;
      pools.push(
        candidatePool(
          components.map((c) => c.scoreAll(u)),
          perComponent,
          (i) => own[i] === 1,
        ),
      );
      for (let p = from; p < to; p++) own[train.userItems[p]] = 0;
    }
    return pools;
  }

  fit(train: InteractionMatrix): void {
    this.itemCount = train.itemCount;
    const frozen = new Set(this.options.friends ? [] : [FRIENDS]);
    const start = DEFAULT_WEIGHTS.map((w, c) => (frozen.has(c) ? 0 : w));
    const popularity = itemPopularity(train);

    // 1. Learn the blend on a validation holdout carved from train.
    const fraction = this.options.validationFraction ?? 0.25;
    const seed = this.options.validationSeed ?? 20_111;
    const validation = memo(train, `validation:${fraction}:${seed}`, () =>
      holdoutSplit(train.userCount, train.itemCount, interactionsOf(train), seed, fraction),
    );
    const learn = !this.options.weights;
    let validationPools: (CandidatePool | undefined)[] = [];
    let validationContext: RerankContext = { popularity: [], exposure: [] };
    if (learn) {
      validationPools = this.poolsFor(validation.train, this.makeComponents(validation.train));
      const pools = validationPools.map((p) => p ?? { items: new Int32Array(0), features: [] });
      const relevant = validationPools.map((p, u) => (p ? validation.test[u] : new Set<number>()));
      const learned = learnBlendWeights(pools, relevant, start, {
        k: this.k,
        grid: WEIGHT_GRID,
        rounds: 2,
        frozen,
      });
      this.weights = learned.weights;
      validationContext = {
        popularity: itemPopularity(validation.train),
        exposure: poolExposure(validationPools, this.weights, this.k, train.itemCount),
      };
      this.tuning = { weights: this.weights, validationNdcg: learned.ndcg, rerank: NO_RERANK, curve: [] };
    } else {
      this.weights = [...(this.options.weights ?? start)];
    }

    // 2. Refit on all of train; pools for every listener (no test data: their own train items excluded).
    this.components = this.makeComponents(train);
    this.pools = this.poolsFor(train, this.components);
    this.context = { popularity, exposure: poolExposure(this.pools, this.weights, this.k, train.itemCount) };

    // 3. The re-rank: the most accurate on validation whose lists over all listeners reach the coverage target.
    this.rerank = NO_RERANK;
    if (this.coverageTarget > 0 && learn) {
      const pools = validationPools.map((p) => p ?? { items: new Int32Array(0), features: [] });
      const relevant = validationPools.map((p, u) => (p ? validation.test[u] : new Set<number>()));
      const curve: TasteRankerTuning['curve'] = [];
      const finalBlends = this.pools.map((p) => (p ? blendPool(p, this.weights) : undefined));
      const validationBlends = pools.map((p) => blendPool(p, this.weights));
      let best: { rerank: CoverageRerank; ndcg: number } | undefined;
      for (const headSize of HEAD_SIZES)
        for (const headPenalty of HEAD_PENALTIES)
          for (const headExposure of HEAD_EXPOSURES)
            for (const tailPenalty of TAIL_PENALTIES) {
              const rerank = { headSize, headPenalty, headExposure, tailPenalty };
              const coverage = poolCoverage(
                this.pools,
                this.weights,
                this.context,
                this.k,
                rerank,
                train.itemCount,
                finalBlends,
              );
              if (coverage < this.coverageTarget) {
                curve.push({ rerank, validationNdcg: NaN, coverage });
                continue;
              }
              const ndcg = poolNdcg(
                pools,
                relevant,
                this.weights,
                this.k,
                validationContext,
                rerank,
                validationBlends,
              );
              curve.push({ rerank, validationNdcg: ndcg, coverage });
              if (!best || ndcg > best.ndcg) best = { rerank, ndcg };
            }
      if (best) this.rerank = best.rerank;
      if (this.tuning) this.tuning = { ...this.tuning, rerank: this.rerank, curve };
    }

    const order = Array.from({ length: train.itemCount }, (_, i) => i).sort(
      (a, b) => popularity[b] - popularity[a] || a - b,
    );
    this.popularityRank = new Int32Array(train.itemCount);
    order.forEach((item, rank) => (this.popularityRank[item] = rank));
  }

  /** The blended score of every item for `user`, given what will be excluded (so scaling uses real candidates). */
  scoreAll(user: number, exclude: (item: number) => boolean = () => false): Float64Array {
    const pool = candidatePool(
      this.components.map((c) => c.scoreAll(user)),
      this.options.candidatesPerComponent ?? 100,
      exclude,
    );
    const blended = blendPool(pool, this.weights);
    const scores = new Float64Array(this.itemCount).fill(-Infinity);
    pool.items.forEach((item, j) => (scores[item] = blended[j]));
    return scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    const discoveries = discoveryPickCount(k, this.discoveryFactor);
    const pool =
      this.pools[user] ??
      candidatePool(
        this.components.map((c) => c.scoreAll(user)),
        this.options.candidatesPerComponent ?? 100,
        exclude,
      );
    const blended = blendPool(pool, this.weights);
    const picks = rerankPool(pool, blended, this.context, k - discoveries, this.rerank, exclude).map(
      (j) => pool.items[j],
    );
    if (discoveries === 0) return picks;
    const taken = new Set(picks);
    const tail = topK(
      blended,
      discoveries,
      (j) =>
        exclude(pool.items[j]) ||
        taken.has(pool.items[j]) ||
        this.popularityRank[pool.items[j]] < this.longTailFromRank,
    ).map((j) => pool.items[j]);
    return [...picks, ...tail];
  }
}

/** The interactions of a matrix, one per stored pair. */
function interactionsOf(m: InteractionMatrix): Interaction[] {
  const out: Interaction[] = [];
  for (let u = 0; u < m.userCount; u++)
    for (let p = m.userOffsets[u]; p < m.userOffsets[u + 1]; p++)
      out.push({ user: u, item: m.userItems[p], weight: m.userWeights[p] });
  return out;
}
