import type { EventType } from '../events/eventCatalogue';

/** How far qfzz trusts a listener, 0..1. */
export type TrustScore = number;

export const INITIAL_TRUST_SCORE: TrustScore = 0.5;
export const TRUST_PER_INTERACTION = 0.01;
export const MAX_TRUST_SCORE: TrustScore = 1;

/**
 * The acts that earn trust: every reaction to a track and every message to
 * the DJ. Kept as one set so "what counts" is a decision made in one place.
 */
export const TRUST_INTERACTIONS: ReadonlySet<EventType> = new Set<EventType>([
  'TrackPlayed',
  'TrackSkipped',
  'TrackLiked',
  'TrackFavorited',
  'TrackRated',
  'MessageSent',
]);

export function countsAsTrustInteraction(type: string): boolean {
  return TRUST_INTERACTIONS.has(type as EventType);
}

/**
 * Computed from the count rather than added up step by step, and rounded to
 * cents, so 0.5 + 30 × 0.01 is exactly 0.8 however long the history is.
 */
export function trustScoreFor(interactionCount: number): TrustScore {
  if (!Number.isInteger(interactionCount) || interactionCount < 0) {
    throw new RangeError(`interaction count must be a whole number >= 0, got ${interactionCount}`);
  }
  const score = Math.min(MAX_TRUST_SCORE, INITIAL_TRUST_SCORE + TRUST_PER_INTERACTION * interactionCount);
  return Math.round(score * 100) / 100;
}

export interface TrustState {
  interactionCount: number;
  trustScore: TrustScore;
}

export const initialTrustState: TrustState = { interactionCount: 0, trustScore: INITIAL_TRUST_SCORE };

/** The trust reducer: any event in, the same state back unless the event is an interaction. */
export function evolveTrust(state: TrustState, event: { type: string }): TrustState {
  if (!countsAsTrustInteraction(event.type)) return state;
  const interactionCount = state.interactionCount + 1;
  return { interactionCount, trustScore: trustScoreFor(interactionCount) };
}

export function foldTrust(events: Iterable<{ type: string }>): TrustState {
  let state = initialTrustState;
  for (const event of events) state = evolveTrust(state, event);
  return state;
}
