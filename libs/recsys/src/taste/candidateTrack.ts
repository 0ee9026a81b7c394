import type { TrackTempo } from './listenerTaste';

/**
 * A track the recommender may pick. Audio features are optional because real
 * catalogs miss them: an unknown feature is "we do not know", never zero.
 */
export interface CandidateTrack {
  trackId: string;
  /** The artist's name exactly as the catalog spells it (the artist weight key). */
  artist: string;
  /** Lower-case genre, as the catalog spells it (the genre weight key). */
  genre: string;
  /** 0..1, when the catalog knows it. */
  energy?: number;
  tempo?: TrackTempo;
  /** Lower-case mood, when the catalog knows or derived it. */
  mood?: string;
}
