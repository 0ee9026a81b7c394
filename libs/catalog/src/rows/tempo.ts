import type { TrackTempo } from '@qfzz/domain';

/** Below this many BPM a track is `slow`. */
export const SLOW_BELOW_BPM = 90;
/** From this many BPM on a track is `fast`; between the two it is `medium`. */
export const FAST_FROM_BPM = 120;

/**
 * Tempo in BPM to the catalog's three tempos: `< 90` slow, `90..<120` medium,
 * `>= 120` fast. 0, a negative or a non-finite BPM means "not detected"
 * (Spotify reports 0 then) and gives `undefined`: unknown, never slow.
 */
export function bpmToTempo(bpm: number | undefined): TrackTempo | undefined {
  if (bpm === undefined || !Number.isFinite(bpm) || bpm <= 0) return undefined;
  if (bpm < SLOW_BELOW_BPM) return 'slow';
  if (bpm < FAST_FROM_BPM) return 'medium';
  return 'fast';
}
