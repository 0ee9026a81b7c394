import { topK } from './topK';

describe('topK', () => {
  it('returns the best k indices, best first, ties to the lower index', () => {
    expect(topK([0.1, 0.9, 0.5, 0.9, 0.3], 3)).toEqual([1, 3, 2]);
  });

  it('skips excluded indices and -Infinity', () => {
    expect(topK([5, 4, 3, -Infinity, 1], 3, (i) => i === 0)).toEqual([1, 2, 4]);
  });

  it('returns fewer than k when fewer can be ranked', () => {
    expect(topK([-Infinity, 2], 5)).toEqual([1]);
  });

  it('agrees with a full sort on random data', () => {
    const scores = Array.from(
      { length: 500 },
      (_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453),
    );
    const sorted = scores
      .map((s, i) => [s, i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, 10)
      .map(([, i]) => i);
    expect(topK(scores, 10)).toEqual(sorted);
  });
});
