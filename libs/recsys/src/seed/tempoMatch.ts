import type { TempoPreference, TrackTempo } from '../taste/listenerTaste';

const TEMPO_ORDER: Readonly<Record<TrackTempo, number>> = { slow: 0, medium: 1, fast: 2 };

/** A track of unknown tempo neither helps nor hurts: it sits halfway. */
export const UNKNOWN_TEMPO_MATCH = 0.5;
/** A listener who likes `varied` music is happy with any pace, though not as happy as with an exact match. */
export const VARIED_TEMPO_MATCH = 0.7;
/** One step away (slow~medium, medium~fast) is half a match. */
export const ADJACENT_TEMPO_MATCH = 0.5;

/** How well a track's tempo fits the listener's tempo preference, 0..1. */
export function tempoMatch(preference: TempoPreference, tempo: TrackTempo | undefined): number {
  if (tempo === undefined) return UNKNOWN_TEMPO_MATCH;
  if (preference === tempo) return 1;
  if (preference === 'varied') return VARIED_TEMPO_MATCH;
  const steps = Math.abs(TEMPO_ORDER[preference] - TEMPO_ORDER[tempo]);
  return steps === 1 ? ADJACENT_TEMPO_MATCH : 0;
}
