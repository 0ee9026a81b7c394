import {
  blendPool,
  candidatePool,
  learnBlendWeights,
  NO_RERANK,
  poolCoverage,
  poolExposure,
  rerankPool,
  type CandidatePool,
} from './scoreBlend';

describe('score blending', () => {
  it('pools the union of each component’s best items, scaled to each component’s best candidate', () => {
    const a = Float64Array.from([4, 2, 0, 1]);
    const b = Float64Array.from([0, 1, 10, 5]);
    const pool = candidatePool([a, b], 1, (i) => i === 2);
    // a's best is item 0; b's best non-excluded is item 3.
    expect([...pool.items]).toEqual([0, 3]);
    expect([...pool.features[0]]).toEqual([1, 0.25]);
    expect([...pool.features[1]]).toEqual([0, 1]);
    expect([...blendPool(pool, [1, 2])]).toEqual([1, 2.25]);
  });

  it('learns to trust the component that finds the held-out items', () => {
    // Two listeners, four candidates each; component 1 ranks the relevant item first, component 0 last.
    const pool: CandidatePool = {
      items: Int32Array.from([0, 1, 2, 3]),
      features: [Float64Array.from([1, 0.9, 0.8, 0.1]), Float64Array.from([0, 0.1, 0.2, 1])],
    };
    const relevant = [new Set([3]), new Set([3])];
    const { weights, ndcg } = learnBlendWeights([pool, pool], relevant, [1, 0], {
      k: 1,
      grid: [0, 1, 4],
      rounds: 2,
    });
    expect(weights[0]).toBe(1);
    expect(weights[1]).toBeGreaterThanOrEqual(1);
    expect(ndcg).toBe(1);
    const frozen = learnBlendWeights([pool], [new Set([3])], [1, 0], {
      k: 1,
      grid: [0, 4],
      rounds: 1,
      frozen: new Set([1]),
    });
    expect(frozen.weights).toEqual([1, 0]);
  });

  it('the long-tail re-rank fills the bottom of the list with less popular items and raises coverage', () => {
    const pool: CandidatePool = {
      items: Int32Array.from([0, 1, 2, 3]),
      features: [Float64Array.from([1, 0.9, 0.5, 0.4])],
    };
    const popularity = [100, 100, 1, 1];
    const context = { popularity, exposure: poolExposure([pool], [1], 2, 4) };
    expect(rerankPool(pool, blendPool(pool, [1]), context, 2, NO_RERANK)).toEqual([0, 1]);
    const rerank = { headSize: 1, headPenalty: 0, headExposure: 0, tailPenalty: 1 };
    expect(rerankPool(pool, blendPool(pool, [1]), context, 2, rerank)).toEqual([0, 2]);
    expect(rerankPool(pool, blendPool(pool, [1]), context, 2, rerank, (i) => i === 0)).toEqual([1, 2]);
    const other: CandidatePool = {
      items: Int32Array.from([0, 1, 3]),
      features: [Float64Array.from([1, 0.9, 0.2])],
    };
    expect(poolCoverage([pool, other], [1], context, 2, NO_RERANK, 4)).toBe(0.5);
    expect(poolCoverage([pool, other], [1], context, 2, rerank, 4)).toBe(0.75);
  });
});
