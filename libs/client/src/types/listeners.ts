import type { ChainCheck, ProfileView } from '@qfzz/contracts';
import type { RecordedEvent } from '@qfzz/domain';

// Type-only imports: they vanish at run time, so the SDK stays free of
// runtime dependencies while the wire types stay the services' own.
export type { ChainCheck, ProfileView };

/** How fast the listener likes their music (`varied`: no preference). */
export type TempoPreference = 'slow' | 'medium' | 'fast' | 'varied';

/** The seed's trust levels, from `stranger` (< 0.3) to `best_friend` (>= 0.9). */
export type TrustLevel = ProfileView['trustLevel'];

/** Name -> weight in 0..1 (`{"jazz": 0.8}`); names are free labels (1..200 characters). */
export type Weights = Record<string, number>;

/** Weighted preferences (API.md): every field optional, at least one given; weights 0..1, never clamped. */
export interface WeightedPreferences {
  genres?: Weights;
  artists?: Weights;
  moods?: Weights;
  /** 0..1 */
  energyLevel?: number;
  tempoPreference?: TempoPreference;
  /** 0..1: how much of a playlist explores outside the known taste. */
  discoveryFactor?: number;
}

/** `["jazz", "deep house"]`: 1..100 words, deduplicated by the gateway ignoring case; each adds +0.1. */
export type PreferenceWords = readonly string[];

/** `POST /v1/listeners` */
export interface CreateListenerRequest {
  /** 1..128 letters, digits and `-_.:`; generated when left out. An id that exists is a 409. */
  listenerId?: string;
  /** 1..100 characters. */
  name?: string;
  preferences?: WeightedPreferences;
}

/** What `createListener` returns: the id, the listener's bearer token, and where registration landed in the log. */
export interface RegisteredListener {
  listenerId: string;
  /** Bearer token for this listener only; keep it (the gateway cannot show it again). */
  token: string;
  /** Log position of the registration (read-your-writes). */
  position: number;
}

/** `GET /v1/listeners/{id}/insights`: the seed's profile analysis (recent = the last 20 track reactions). */
export interface ListenerInsights {
  /** How many genres have a weight. */
  genreDiversity: number;
  /** The strongest genre's share of all genre weight, 0..1. */
  genreConcentration: number;
  /** How many artists have a weight. */
  artistDiversity: number;
  totalInteractions: number;
  /** Likes, favorites and ratings above 0.5 among the last 20 reactions, 0..1. */
  recentLikeRate: number;
  recentSkipRate: number;
  topGenres: { genre: string; weight: number }[];
  topArtists: { artist: string; weight: number }[];
}

/** `GET /v1/listeners/{id}/trust` */
export interface TrustScore {
  /** 0.5 + 0.01 per interaction, at most 1. */
  trustScore: number;
  trustLevel: TrustLevel;
  /** 0.7 × own + 0.3 × the mean of connected listeners (the own score with none). */
  communityTrust: number;
  /** How many connected listeners counted (the gateway adds it; not in API.md). */
  connections?: number;
}

/** One stored event of the listener's stream, as `GET /v1/listeners/{id}/events` exports it. */
export type ExportedEvent = RecordedEvent;

/** `GET /v1/listeners/{id}/events` */
export interface ListenerEventsPage {
  listenerId: string;
  events: ExportedEvent[];
  /** Present when there are more: pass it as `fromVersion` for the next page. */
  nextFromVersion?: number;
}

export interface ExportEventsOptions {
  /** Default 1. */
  fromVersion?: number;
  /** 1..1000 events a page (default 1000). */
  limit?: number;
}

/** `DELETE /v1/listeners/{id}` (202): the listener's personal data is crypto-shredded everywhere. */
export interface ForgetResult {
  listenerId: string;
  forgotten: boolean;
  /** Log position of the forgetting. */
  position?: number;
}
