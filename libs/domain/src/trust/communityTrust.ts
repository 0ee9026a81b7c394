import type { TrustScore } from './trustScore';

export const OWN_TRUST_WEIGHT = 0.7;
export const COMMUNITY_TRUST_WEIGHT = 0.3;

/**
 * A listener is partly vouched for by the company they keep. With no
 * connections there is nobody to vouch, so the own score stands alone.
 */
export function communityTrust(own: TrustScore, connectedScores: readonly TrustScore[]): TrustScore {
  if (connectedScores.length === 0) return own;
  const mean = connectedScores.reduce((sum, score) => sum + score, 0) / connectedScores.length;
  return OWN_TRUST_WEIGHT * own + COMMUNITY_TRUST_WEIGHT * mean;
}
