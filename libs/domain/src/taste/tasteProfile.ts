import type { Mood } from '../events/conversationEvents';
import type { TempoPreference } from '../events/schemaPrimitives';
import { INITIAL_TRUST_SCORE, type TrustScore } from '../trust/trustScore';
import type { FeedbackType } from './feedbackStrength';

/** How much a listener wants to hear what they do not know yet, 0 (only the familiar) .. 1 (only the new). */
export type DiscoveryFactor = number;

/** Weights 0..1 by key; a key never seen counts as `NEUTRAL_WEIGHT`. */
export type TasteWeights = Record<string, number>;

export interface RecentInteraction {
  trackId: string;
  type: FeedbackType;
  /** When it happened (`metadata.occurredAt`), when the event says so. */
  at?: string;
  genre: string;
  artist: string;
}

export interface TasteProfile {
  listenerId: string;
  name?: string;
  /** Keyed by lower-case genre, as the catalog spells it. */
  genres: TasteWeights;
  /** Keyed by the artist's name exactly as the catalog spells it. */
  artists: TasteWeights;
  /** Keyed by lower-case track mood. */
  moods: TasteWeights;
  energyLevel: number;
  tempoPreference: TempoPreference;
  discoveryFactor: DiscoveryFactor;
  /** Acts that count toward trust (see `TRUST_INTERACTIONS`). */
  interactionCount: number;
  /** Oldest first, at most `RECENT_INTERACTIONS_LIMIT`; `genre` as its weight key. */
  recentInteractions: RecentInteraction[];
  trustScore: TrustScore;
  communityConnections: string[];
  currentMood?: Mood;
  /** The DJ persona the listener chose; the station's default when unset. */
  djId?: string;
  /** Set once the listener asked to be forgotten, until they register again. */
  forgotten?: boolean;
  createdAt: string;
  /** The stream version last applied; 0 before any event. */
  version: number;
}

export const NEUTRAL_WEIGHT = 0.5;
export const DEFAULT_ENERGY_LEVEL = 0.5;
export const DEFAULT_TEMPO_PREFERENCE: TempoPreference = 'varied';
export const DEFAULT_DISCOVERY_FACTOR: DiscoveryFactor = 0.3;
export const RECENT_INTERACTIONS_LIMIT = 50;

export function initialTasteProfile(listenerId: string, createdAt: string): TasteProfile {
  return {
    listenerId,
    genres: {},
    artists: {},
    moods: {},
    energyLevel: DEFAULT_ENERGY_LEVEL,
    tempoPreference: DEFAULT_TEMPO_PREFERENCE,
    discoveryFactor: DEFAULT_DISCOVERY_FACTOR,
    interactionCount: 0,
    recentInteractions: [],
    trustScore: INITIAL_TRUST_SCORE,
    communityConnections: [],
    createdAt,
    version: 0,
  };
}

/**
 * A copy whose maps and lists can be changed without touching the original:
 * folding many events mutates one such draft instead of copying every map
 * once per event (which made long replays quadratic in a profile's size).
 * A spread, not `copyWith` (ADR 0008): the copy keeps the profile's shape,
 * which the fold's hot loop reads fastest (`copyWith` cost replays ~10%),
 * and it runs once per listener per batch, not per event.
 */
export function cloneTasteProfile(profile: TasteProfile): TasteProfile {
  return {
    ...profile,
    genres: { ...profile.genres },
    artists: { ...profile.artists },
    moods: { ...profile.moods },
    recentInteractions: [...profile.recentInteractions],
    communityConnections: [...profile.communityConnections],
  };
}
