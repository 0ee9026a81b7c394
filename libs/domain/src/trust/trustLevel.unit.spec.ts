import { TRUST_LEVELS, trustLevelOf } from './trustLevel';

describe('trust levels', () => {
  it('go from stranger to best friend', () => {
    expect(TRUST_LEVELS).toEqual(['stranger', 'acquaintance', 'friend', 'close_friend', 'best_friend']);
  });

  it.each([
    [0, 'stranger'],
    [0.29, 'stranger'],
    [0.3, 'acquaintance'],
    [0.49, 'acquaintance'],
    [0.5, 'friend'],
    [0.69, 'friend'],
    [0.7, 'close_friend'],
    [0.89, 'close_friend'],
    [0.9, 'best_friend'],
    [1, 'best_friend'],
  ])('%p is %s', (score, level) => {
    expect(trustLevelOf(score)).toBe(level);
  });

  it('does not drop a level for float noise just under a boundary', () => {
    // 0.7 × 0.38 + 0.3 × 0.78 computes to 0.49999999999999994.
    expect(trustLevelOf(0.7 * 0.38 + 0.3 * 0.78)).toBe('friend');
    expect(trustLevelOf(0.8999999999999999)).toBe('best_friend');
  });

  it('still tells apart scores that are really below', () => {
    expect(trustLevelOf(0.4999)).toBe('acquaintance');
  });

  it('refuses NaN rather than calling it a stranger', () => {
    expect(() => trustLevelOf(Number.NaN)).toThrow(RangeError);
  });
});
