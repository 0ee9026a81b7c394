import { maturedDiscoveryFactor } from './discoveryMaturity';

describe('maturedDiscoveryFactor: discovery grows with the relationship toward what the profile states', () => {
  it.each([
    [0.4, 0, 0.2],
    [0.4, 40, 0.4 * (0.5 + 0.5 * (1 - Math.exp(-1)))],
    [1, 1000, 1],
    [0, 500, 0],
  ])('stated %s after %s interactions -> %s', (stated, interactions, expected) => {
    expect(maturedDiscoveryFactor(stated, interactions)).toBeCloseTo(expected, 6);
  });

  it('grows monotonically and never passes the stated value', () => {
    let previous = -1;
    for (let n = 0; n <= 300; n += 10) {
      const d = maturedDiscoveryFactor(0.6, n);
      expect(d).toBeGreaterThanOrEqual(previous);
      expect(d).toBeLessThanOrEqual(0.6);
      previous = d;
    }
  });
});
