import type { InteractionMatrix } from '../evaluation/interactionMatrix';
import { mulberry32 } from '../evaluation/seededRandom';
import { topK } from '../evaluation/topK';
import { logScaledWeight } from './implicitWeight';
import type { ScoringRecommender } from './recommender';

export interface IalsOptions {
  /** Latent dimensions per user and item. */
  factors?: number;
  /** Alternating passes (users, then items). */
  iterations?: number;
  /** L2 penalty on every factor vector. */
  lambda?: number;
  /** Confidence of an observed pair: 1 + alpha × log(1 + plays). */
  alpha?: number;
  /** Conjugate-gradient steps per vector and pass (warm-started from the previous pass). */
  cgSteps?: number;
  /** Seed of the initial factors, so a fit is repeatable. */
  seed?: number;
}

/**
 * iALS (Hu, Koren & Volinsky 2008): every user–item pair is a preference of 1
 * (played) or 0 (not), trusted with confidence 1 + α·log(1 + plays) for played
 * pairs and 1 otherwise; user and item vectors are found by alternating
 * ridge regressions. The unobserved pairs enter only through the Gram matrix
 * YᵀY, so a pass costs O(nnz·f + n·f²). Each vector is solved with a few
 * warm-started conjugate-gradient steps (Takács, Pilászy & Tikk 2011) instead
 * of an f×f factorisation.
 */
export class Ials implements ScoringRecommender {
  readonly name = 'iALS';
  private readonly factors: number;
  private readonly iterations: number;
  private readonly lambda: number;
  private readonly alpha: number;
  private readonly cgSteps: number;
  private readonly seed: number;
  private train?: InteractionMatrix;
  private userFactors: Float64Array = new Float64Array(0);
  private itemFactors: Float64Array = new Float64Array(0);

  constructor(options: IalsOptions = {}) {
    this.factors = options.factors ?? 64;
    this.iterations = options.iterations ?? 8;
    this.lambda = options.lambda ?? 10;
    this.alpha = options.alpha ?? 2;
    this.cgSteps = options.cgSteps ?? 3;
    this.seed = options.seed ?? 1;
  }

  fit(train: InteractionMatrix): void {
    this.train = train;
    const f = this.factors;
    const random = mulberry32(this.seed);
    const init = (n: number): Float64Array =>
      Float64Array.from({ length: n * f }, () => (random() - 0.5) * (0.1 / Math.sqrt(f)));
    this.userFactors = init(train.userCount);
    this.itemFactors = init(train.itemCount);
    const userConf = train.userWeights.map((w) => this.alpha * logScaledWeight(w));
    const itemConf = train.itemWeights.map((w) => this.alpha * logScaledWeight(w));
    for (let it = 0; it < this.iterations; it++) {
      this.solveSide(
        this.userFactors,
        this.itemFactors,
        train.userCount,
        train.userOffsets,
        train.userItems,
        userConf,
      );
      this.solveSide(
        this.itemFactors,
        this.userFactors,
        train.itemCount,
        train.itemOffsets,
        train.itemUsers,
        itemConf,
      );
    }
  }

  /**
   * One half-pass: for each row r, minimise Σ_j c_rj (p_rj − x_r·y_j)² + λ|x_r|²,
   * i.e. (YᵀY + Σ_{j∈r} (c_rj − 1) y_j y_jᵀ + λI) x_r = Σ_{j∈r} c_rj y_j,
   * where the stored `extra` is c − 1.
   */
  private solveSide(
    x: Float64Array,
    y: Float64Array,
    rows: number,
    offsets: Int32Array,
    cols: Int32Array,
    extra: Float64Array,
  ): void {
    const f = this.factors;
    const ycount = y.length / f;
    const gram = new Float64Array(f * f);
    for (let j = 0; j < ycount; j++) {
      const o = j * f;
      for (let a = 0; a < f; a++) {
        const ya = y[o + a];
        if (ya === 0) continue;
        const row = a * f;
        for (let b = 0; b < f; b++) gram[row + b] += ya * y[o + b];
      }
    }
    for (let a = 0; a < f; a++) gram[a * f + a] += this.lambda;
    const r = new Float64Array(f);
    const p = new Float64Array(f);
    const ap = new Float64Array(f);
    // A·v = gram·v + Σ (c−1) y_j (y_j·v)
    const multiply = (row: number, v: Float64Array, out: Float64Array): void => {
      for (let a = 0; a < f; a++) {
        let s = 0;
        const g = a * f;
        for (let b = 0; b < f; b++) s += gram[g + b] * v[b];
        out[a] = s;
      }
      for (let q = offsets[row]; q < offsets[row + 1]; q++) {
        const o = cols[q] * f;
        let d = 0;
        for (let a = 0; a < f; a++) d += y[o + a] * v[a];
        d *= extra[q];
        for (let a = 0; a < f; a++) out[a] += d * y[o + a];
      }
    };
    const xr = new Float64Array(f);
    for (let row = 0; row < rows; row++) {
      const ox = row * f;
      if (offsets[row + 1] === offsets[row]) {
        x.fill(0, ox, ox + f);
        continue;
      }
      for (let a = 0; a < f; a++) xr[a] = x[ox + a];
      // r = b − A·x, with b = Σ (1 + extra) y_j
      multiply(row, xr, ap);
      for (let a = 0; a < f; a++) r[a] = -ap[a];
      for (let q = offsets[row]; q < offsets[row + 1]; q++) {
        const o = cols[q] * f;
        const c = 1 + extra[q];
        for (let a = 0; a < f; a++) r[a] += c * y[o + a];
      }
      p.set(r);
      let rr = 0;
      for (let a = 0; a < f; a++) rr += r[a] * r[a];
      for (let step = 0; step < this.cgSteps && rr > 1e-12; step++) {
        multiply(row, p, ap);
        let pap = 0;
        for (let a = 0; a < f; a++) pap += p[a] * ap[a];
        if (!(pap > 0)) break;
        const alpha = rr / pap;
        let next = 0;
        for (let a = 0; a < f; a++) {
          xr[a] += alpha * p[a];
          r[a] -= alpha * ap[a];
          next += r[a] * r[a];
        }
        const beta = next / rr;
        for (let a = 0; a < f; a++) p[a] = r[a] + beta * p[a];
        rr = next;
      }
      for (let a = 0; a < f; a++) x[ox + a] = xr[a];
    }
  }

  scoreAll(user: number): Float64Array {
    const train = this.train;
    if (!train) throw new Error('Ials: fit before scoring');
    const f = this.factors;
    const u = user * f;
    const scores = new Float64Array(train.itemCount);
    const x = this.userFactors;
    const y = this.itemFactors;
    for (let i = 0; i < train.itemCount; i++) {
      const o = i * f;
      let s = 0;
      for (let a = 0; a < f; a++) s += x[u + a] * y[o + a];
      scores[i] = s;
    }
    return scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}
