import { latencySummary, percentile } from './measure';

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarises unsorted samples', () => {
    expect(latencySummary([5, 1, 3, 2, 4])).toEqual({ samples: 5, p50: 3, p90: 5, p99: 5, max: 5 });
  });
});
