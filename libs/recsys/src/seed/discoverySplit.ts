import type { CandidateTrack } from '../taste/candidateTrack';
import type { ListenerTaste } from '../taste/listenerTaste';
import { isFamiliar } from './familiarity';
import { seedScore } from './seedScore';
import type { TrackScore } from './trackScore';

export interface SeedPick extends TrackScore {
  /** True when the pick came from the unfamiliar pool (a discovery), false when from the listener's familiar tracks. */
  discovery: boolean;
}

/** How many of `size` picks go to discoveries for a discovery factor `d` (clamped to 0..1). */
export function discoveryPickCount(size: number, d: number): number {
  return Math.round(size * Math.min(1, Math.max(0, d)));
}

function byScoreThenId(a: TrackScore, b: TrackScore): number {
  return b.score - a.score || (a.trackId < b.trackId ? -1 : a.trackId > b.trackId ? 1 : 0);
}

/**
 * The seed's playlist: score every candidate with `seedScore`, then take
 * `round(size × discoveryFactor)` picks from the tracks the listener does not
 * know (new genre and new artist) and the rest from the familiar ones, best
 * scores first in each pool. When one pool runs dry the other fills the gap, so
 * the playlist is as long as the catalog allows. The result is ordered by score
 * (ties by track id) so it is deterministic.
 */
export function discoverySplit(
  taste: ListenerTaste,
  candidates: readonly CandidateTrack[],
  size: number,
): SeedPick[] {
  const familiar: TrackScore[] = [];
  const unfamiliar: TrackScore[] = [];
  for (const track of candidates)
    (isFamiliar(taste, track) ? familiar : unfamiliar).push(seedScore(taste, track));
  familiar.sort(byScoreThenId);
  unfamiliar.sort(byScoreThenId);

  const wanted = Math.min(size, candidates.length);
  const discoveries = Math.min(discoveryPickCount(size, taste.discoveryFactor), unfamiliar.length);
  const familiarTaken = Math.min(familiar.length, wanted - discoveries);
  const discoveriesTaken = Math.min(unfamiliar.length, wanted - familiarTaken);

  const picks: SeedPick[] = [
    ...familiar.slice(0, familiarTaken).map((s) => ({ ...s, discovery: false })),
    ...unfamiliar.slice(0, discoveriesTaken).map((s) => ({ ...s, discovery: true })),
  ];
  return picks.sort(byScoreThenId);
}
