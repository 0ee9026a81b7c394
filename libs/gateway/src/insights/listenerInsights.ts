import type { FeedbackType, TasteWeights } from '@qfzz/domain';

/** How many of the latest track reactions the "recent" rates look at. */
export const RECENT_REACTIONS_WINDOW = 20;
export const TOP_ENTRIES = 5;

export interface Reaction {
  type: FeedbackType;
  /** Only for `rate`, 0..1. */
  rating?: number;
}

export interface InsightInput {
  genres: TasteWeights;
  artists: TasteWeights;
  interactionCount: number;
  /** The listener's track reactions, oldest first (any number; the last 20 count). */
  reactions: readonly Reaction[];
}

export interface ListenerInsights {
  /** How many genres the listener has a weight for (stated or reacted to). */
  genreDiversity: number;
  /** The strongest genre's share of all genre weight, 0..1 (1: one genre only; 0: none yet). */
  genreConcentration: number;
  /** How many artists the listener has a weight for. */
  artistDiversity: number;
  totalInteractions: number;
  /** Share of the last 20 reactions that were a like, a favorite or a rating above 0.5. */
  recentLikeRate: number;
  /** Share of the last 20 reactions that were a skip. */
  recentSkipRate: number;
  topGenres: { genre: string; weight: number }[];
  topArtists: { artist: string; weight: number }[];
}

export function isLikeReaction(reaction: Reaction): boolean {
  return (
    reaction.type === 'like' ||
    reaction.type === 'favorite' ||
    (reaction.type === 'rate' && (reaction.rating ?? 0.5) > 0.5)
  );
}

/** The profile analysis behind `GET /v1/listeners/{id}/insights`. Pure. */
export function listenerInsights(input: InsightInput): ListenerInsights {
  const recent = input.reactions.slice(-RECENT_REACTIONS_WINDOW);
  const rate = (count: number) => (recent.length === 0 ? 0 : round(count / recent.length));
  const genreWeights = Object.values(input.genres);
  const total = genreWeights.reduce((sum, w) => sum + w, 0);
  return {
    genreDiversity: genreWeights.length,
    genreConcentration: total > 0 ? round(Math.max(...genreWeights) / total) : 0,
    artistDiversity: Object.keys(input.artists).length,
    totalInteractions: input.interactionCount,
    recentLikeRate: rate(recent.filter(isLikeReaction).length),
    recentSkipRate: rate(recent.filter((r) => r.type === 'skip').length),
    topGenres: top(input.genres).map(([genre, weight]) => ({ genre, weight })),
    topArtists: top(input.artists).map(([artist, weight]) => ({ artist, weight })),
  };
}

/** Heaviest first; ties by name, so the answer does not depend on the order keys were stored in. */
function top(weights: TasteWeights): [string, number][] {
  return Object.entries(weights)
    .sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TOP_ENTRIES);
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
