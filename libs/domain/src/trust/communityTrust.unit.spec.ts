import { communityTrust } from './communityTrust';
import { trustLevelOf } from './trustLevel';

describe('community trust', () => {
  it('is the own score when there are no connections', () => {
    expect(communityTrust(0.62, [])).toBe(0.62);
  });

  it('is 0.7 own + 0.3 the connection', () => {
    expect(communityTrust(0.6, [1])).toBeCloseTo(0.72, 10);
  });

  it('is 0.7 own + 0.3 the mean of the connections', () => {
    // mean(0.5, 0.9, 1.0) = 0.8; 0.7 × 0.5 + 0.3 × 0.8 = 0.59
    expect(communityTrust(0.5, [0.5, 0.9, 1])).toBeCloseTo(0.59, 10);
  });

  it('can lift a listener a level through the company they keep', () => {
    expect(trustLevelOf(0.65)).toBe('friend');
    expect(trustLevelOf(communityTrust(0.65, [0.85]))).toBe('close_friend');
  });
});
