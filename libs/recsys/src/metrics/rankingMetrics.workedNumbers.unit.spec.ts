import { catalogCoverage } from './catalogCoverage';
import { hitRateAtK } from './hitRateAtK';
import { ndcgAtK } from './ndcgAtK';
import { precisionAtK } from './precisionAtK';
import { recallAtK } from './recallAtK';

// Ranked a, b, c, d; the user went on to like b, d and x (x was never recommended).
const ranked = ['a', 'b', 'c', 'd'];
const relevant = new Set(['b', 'd', 'x']);

describe('ranking metrics with worked numbers', () => {
  it('NDCG@4: hits at ranks 2 and 4 over the ideal of 3 hits on top', () => {
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5); // 0.63093 + 0.43068
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4); // 1 + 0.63093 + 0.5
    expect(ndcgAtK(ranked, relevant, 4)).toBeCloseTo(dcg / idcg, 12);
    expect(ndcgAtK(ranked, relevant, 4)).toBeCloseTo(0.49819, 5);
  });

  it('NDCG@2: the ideal counts min(k, |relevant|) = 2 hits', () => {
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(0.63093 / 1.63093, 5);
  });

  it('NDCG is 1 for a perfect list and 0 without relevant items', () => {
    expect(ndcgAtK(['b', 'd', 'x'], relevant, 10)).toBeCloseTo(1, 12);
    expect(ndcgAtK(['a', 'b', 'c'], relevant, 10)).toBeLessThan(1);
    expect(ndcgAtK(ranked, new Set<string>(), 10)).toBe(0);
  });

  it('a user with more relevant items than k can still reach NDCG 1', () => {
    expect(ndcgAtK(['a', 'b'], new Set(['a', 'b', 'c', 'd']), 2)).toBeCloseTo(1, 12);
  });

  it('HR@k: any hit counts 1', () => {
    expect(hitRateAtK(ranked, relevant, 4)).toBe(1);
    expect(hitRateAtK(ranked, relevant, 1)).toBe(0);
  });

  it('recall@4 = 2 of 3 relevant found', () => {
    expect(recallAtK(ranked, relevant, 4)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(ranked, new Set<string>(), 4)).toBe(0);
  });

  it('precision@k divides by k, not by the list length', () => {
    expect(precisionAtK(ranked, relevant, 4)).toBe(0.5);
    expect(precisionAtK(ranked, relevant, 10)).toBe(0.2);
  });

  it('coverage = distinct recommended items / catalog size: {1,2,3} of 10', () => {
    expect(
      catalogCoverage(
        [
          [1, 2],
          [2, 3],
        ],
        10,
      ),
    ).toBeCloseTo(0.3, 12);
    expect(catalogCoverage([], 10)).toBe(0);
  });
});
