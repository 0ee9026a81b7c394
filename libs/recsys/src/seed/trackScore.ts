/** How much each part of the seed formula contributed, each 0..1 before weighting. */
export interface SeedScoreParts {
  genre: number;
  artist: number;
  energy: number;
  tempo: number;
  mood: number;
}

/** A candidate track with its score (0..1) and, for explanations, where the score came from. */
export interface TrackScore {
  trackId: string;
  score: number;
  parts: SeedScoreParts;
}
