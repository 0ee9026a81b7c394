/**
 * How much each signal counts in a track's score before the context's own
 * strength is added and everything is scaled to sum to 1 (so a score stays
 * 0..1). The listener's lasting taste (the seed's formula) leads; what
 * co-listeners and friends like refines it.
 */
export interface BlendWeights {
  /** The seed's content score (`seedScore`). */
  content: number;
  /** Item-item co-listening with the listener's recent positives. */
  collaborative: number;
  /** What the listener's connections liked, weighted by trust. */
  social: number;
  /** Catalog popularity, or co-listening counts where the catalog has none. */
  popularity: number;
}

export const DEFAULT_BLEND_WEIGHTS: Readonly<BlendWeights> = {
  content: 0.5,
  collaborative: 0.22,
  social: 0.12,
  popularity: 0.08,
};

/** Each part of a pick's score, 0..1 before weighting. */
export interface ScoreComponents {
  content: number;
  collaborative: number;
  social: number;
  popularity: number;
  context: number;
}
