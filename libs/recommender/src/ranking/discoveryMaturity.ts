import type { DiscoveryFactor } from '@qfzz/recsys';

/** Share of the stated discovery factor a brand-new listener gets. */
export const NEW_LISTENER_DISCOVERY_SHARE = 0.5;
/** Interactions over which the effective factor closes ~63 % of the remaining gap to the stated one. */
export const DISCOVERY_MATURITY_INTERACTIONS = 40;

/**
 * The discovery factor a playlist uses for a listener who did not ask for one
 * in the request: it matures with the relationship. A new listener gets half
 * of what their profile states (the DJ first shows it has understood their
 * taste); every interaction (the same count that builds trust) moves it
 * toward the stated value, never past it:
 *
 *   effective = stated × (s + (1 − s) × (1 − e^(−interactions / τ)))
 *
 * with s = 0.5 and τ = 40: 0.5 × stated at 0 interactions, ~0.82 × stated at
 * 40, ~0.98 × stated at 150. A factor given in the request is the listener
 * speaking now and is used as it is.
 */
export function maturedDiscoveryFactor(stated: DiscoveryFactor, interactionCount: number): DiscoveryFactor {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(stated) ? stated : 0));
  const n = Math.max(0, Number.isFinite(interactionCount) ? interactionCount : 0);
  const share =
    NEW_LISTENER_DISCOVERY_SHARE +
    (1 - NEW_LISTENER_DISCOVERY_SHARE) * (1 - Math.exp(-n / DISCOVERY_MATURITY_INTERACTIONS));
  return clamped * share;
}
