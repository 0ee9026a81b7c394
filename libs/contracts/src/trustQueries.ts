/** Queries the trust-network service answers. */
export const TRUST_SERVICE = 'trust';

export const TrustQuery = {
  /** `TrustRequest` -> `TrustView` */
  trust: 'trust',
  /** `TrustRequest` -> `CommunityView` */
  community: 'community',
  /** `{listenerId}` -> `ChainCheck` */
  verify: 'verify',
  /** `SocialSignalRequest` -> `SocialSignal` (for the recommender) */
  socialSignal: 'socialSignal',
} as const;

/** The request of `trust` and `community`. */
export interface TrustRequest {
  listenerId: string;
  /** Read-your-writes: answer once the trust network has applied the log up to here (bounded wait). */
  minPosition?: number;
}

export interface TrustView {
  trustScore: number;
  trustLevel: string;
  communityTrust: number;
}

export interface CommunityView {
  connections: { listenerId: string; name?: string; since: string }[];
  pending: { listenerId: string; direction: 'incoming' | 'outgoing'; since: string }[];
  /** What the community has been loving lately: counts only. */
  loving: { trackId: string; friends: number }[];
}

export interface ChainCheck {
  ok: boolean;
  events: number;
  headHash: string;
  brokenAt?: { version: number; eventId: string; reason: string };
}

export interface SocialSignalRequest {
  listenerId: string;
  /** At most this many tracks, strongest first. */
  limit?: number;
}

/** Tracks the listener's connections liked or favorited, weighted by their trust. */
export interface SocialSignal {
  tracks: { trackId: string; weight: number; friends: number }[];
}
