import type { CandidateTrack } from '../taste/candidateTrack';
import type { ListenerTaste, TasteWeights } from '../taste/listenerTaste';
import { tasteKey } from '../taste/tasteKey';
import { similarGenres } from './genreSimilarity';
import { tempoMatch } from './tempoMatch';
import type { SeedScoreParts, TrackScore } from './trackScore';

/**
 * The seed's baseline weights. They sum to 1, so a score is 0..1. Kept as the
 * named baseline every learned ranker is measured against.
 */
export const SEED_SCORE_WEIGHTS: Readonly<SeedScoreParts> = {
  genre: 0.3,
  artist: 0.25,
  energy: 0.2,
  tempo: 0.15,
  mood: 0.1,
};

/** A genre the listener has not weighted, but which is close to one they have, counts at half that weight. */
export const SIMILAR_GENRE_FACTOR = 0.5;

/** An energy the catalog does not know counts halfway, like any unknown audio feature. */
export const UNKNOWN_ENERGY_MATCH = 0.5;
/** A mood the catalog does not know counts halfway too. */
export const UNKNOWN_MOOD_MATCH = 0.5;

/**
 * Missing keys in the listener's weights count 0, not the 0.5 a key starts at
 * when feedback first touches it: for ranking, "never heard of this artist"
 * must not outrank "heard and mildly disliked" (0.45). The 0.5 start belongs to
 * the profile's learning rule, not to scoring.
 */
function weightOf(weights: TasteWeights, key: string): number {
  return weights[key] ?? 0;
}

/** Exact genre weight when the listener has one; otherwise half the best weight among similar genres. */
export function genreAffinity(genres: TasteWeights, genre: string): number {
  const key = tasteKey(genre);
  if (key in genres) return genres[key];
  let best = 0;
  for (const similar of similarGenres(key)) best = Math.max(best, weightOf(genres, similar));
  return SIMILAR_GENRE_FACTOR * best;
}

export function seedScoreParts(taste: ListenerTaste, track: CandidateTrack): SeedScoreParts {
  return {
    genre: genreAffinity(taste.genres, track.genre),
    artist: weightOf(taste.artists, track.artist),
    energy:
      track.energy === undefined ? UNKNOWN_ENERGY_MATCH : 1 - Math.abs(track.energy - taste.energyLevel),
    tempo: tempoMatch(taste.tempoPreference, track.tempo),
    mood: track.mood === undefined ? UNKNOWN_MOOD_MATCH : weightOf(taste.moods, tasteKey(track.mood)),
  };
}

/**
 * The seed's baseline score of one track for one listener:
 * genre 30%, artist 25%, energy 20%, tempo 15%, mood 10%.
 */
export function seedScore(taste: ListenerTaste, track: CandidateTrack): TrackScore {
  const parts = seedScoreParts(taste, track);
  const w = SEED_SCORE_WEIGHTS;
  const score =
    w.genre * parts.genre +
    w.artist * parts.artist +
    w.energy * parts.energy +
    w.tempo * parts.tempo +
    w.mood * parts.mood;
  return { trackId: track.trackId, score, parts };
}
