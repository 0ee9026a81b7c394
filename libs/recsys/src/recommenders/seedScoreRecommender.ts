import type { InteractionMatrix } from '../evaluation/interactionMatrix';
import { itemPopularity } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { seedScore } from '../seed/seedScore';
import type { CandidateTrack } from '../taste/candidateTrack';
import type { ListenerTaste, TasteWeights } from '../taste/listenerTaste';
import { tasteKey } from '../taste/tasteKey';
import { logScaledWeight } from './implicitWeight';
import type { ScoringRecommender } from './recommender';

/** What the seed formula can see of an item: its artist's name and one genre (empty when unknown). */
export interface SeedItem {
  artist: string;
  genre: string;
}

/**
 * Keeps popularity out of the score but breaks its many ties: the seed's score
 * only moves with genre (and artist) here, so thousands of items share a value
 * and an arbitrary order would be noise. 1e-6 is far below the formula's
 * smallest step.
 */
const POPULARITY_TIE_BREAK = 1e-6;

/**
 * The seed's baseline as a `Recommender`, so it sits in the same table as the
 * learned models. Each listener's taste is built from their training listening
 * only: a genre's weight is its share of the listener's log plays, scaled so
 * their top genre is 1; artists likewise. Audio features are unknown on
 * Last.fm, so energy, tempo and mood count neutral for every item and the
 * ranking is decided by genre and artist, exactly as the formula says.
 */
export class SeedScoreRecommender implements ScoringRecommender {
  readonly name = 'seedScore';
  private train?: InteractionMatrix;
  private tracks: CandidateTrack[] = [];
  private tieBreak = new Float64Array(0);

  constructor(private readonly items: readonly SeedItem[]) {}

  fit(train: InteractionMatrix): void {
    this.train = train;
    this.tracks = this.items.map((item, i) => ({
      trackId: String(i),
      artist: item.artist,
      genre: item.genre,
    }));
    const pop = itemPopularity(train);
    const most = Math.max(1, ...pop);
    this.tieBreak = Float64Array.from(pop, (p) => (POPULARITY_TIE_BREAK * p) / most);
  }

  /** The listener's taste as the seed's profile would hold it after these plays. */
  tasteOf(user: number): ListenerTaste {
    const train = this.train;
    if (!train) throw new Error('SeedScoreRecommender: fit before use');
    const genres: Record<string, number> = {};
    const artists: Record<string, number> = {};
    for (let p = train.userOffsets[user]; p < train.userOffsets[user + 1]; p++) {
      const item = this.items[train.userItems[p]];
      const w = logScaledWeight(train.userWeights[p]);
      if (item.genre) genres[tasteKey(item.genre)] = (genres[tasteKey(item.genre)] ?? 0) + w;
      artists[item.artist] = (artists[item.artist] ?? 0) + w;
    }
    return {
      genres: scaleToTop(genres),
      artists: scaleToTop(artists),
      moods: {},
      energyLevel: 0.5,
      tempoPreference: 'varied',
      discoveryFactor: 0,
    };
  }

  scoreAll(user: number): Float64Array {
    const taste = this.tasteOf(user);
    const scores = new Float64Array(this.tracks.length);
    for (let i = 0; i < this.tracks.length; i++)
      scores[i] = seedScore(taste, this.tracks[i]).score + this.tieBreak[i];
    return scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}

/** Scales weights so the largest is 1 (0..1 like a profile's weights). */
function scaleToTop(weights: Record<string, number>): TasteWeights {
  const top = Math.max(0, ...Object.values(weights));
  if (top === 0) return weights;
  const out: Record<string, number> = {};
  for (const [key, w] of Object.entries(weights)) out[key] = w / top;
  return out;
}
