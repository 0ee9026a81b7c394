import type { CandidateTrack } from '../taste/candidateTrack';
import type { ListenerTaste } from '../taste/listenerTaste';
import { tasteKey } from '../taste/tasteKey';

/**
 * A track is familiar when the listener's profile already knows its genre or
 * its artist. Only a track with both a new genre and a new artist is a
 * discovery: a new song by a known artist is not news.
 */
export function isFamiliar(taste: ListenerTaste, track: CandidateTrack): boolean {
  return tasteKey(track.genre) in taste.genres || track.artist in taste.artists;
}
