/**
 * What the recommender needs to know about a listener, in product words.
 *
 * This mirrors the shape of `TasteProfile` in `@qfzz/domain` on purpose but is
 * declared here: scoring depends only on these few fields, so the profile can
 * keep growing (trust, history, connections) without touching recsys. A
 * `TasteProfile` is assignable to `ListenerTaste` as long as these fields keep
 * their meaning.
 */

/** A track's pace, as the catalog stores it. */
export type TrackTempo = 'slow' | 'medium' | 'fast';

/** What a listener likes: one pace, or `varied` for "anything goes". */
export type TempoPreference = TrackTempo | 'varied';

/** How much a listener wants to hear what they do not know yet, 0 (only the familiar) .. 1 (only the new). */
export type DiscoveryFactor = number;

/** Weights 0..1 by key (lower-case genre or mood; artist name as the catalog spells it). */
export type TasteWeights = Readonly<Record<string, number>>;

export interface ListenerTaste {
  genres: TasteWeights;
  artists: TasteWeights;
  moods: TasteWeights;
  /** 0..1: how energetic the listener likes their music. */
  energyLevel: number;
  tempoPreference: TempoPreference;
  discoveryFactor: DiscoveryFactor;
}
