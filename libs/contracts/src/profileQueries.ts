import type { TasteProfile, TrustLevel } from '@qfzz/domain';

/** Queries the profile-projection service answers (request/reply; `qfzz.rpc.profile.<query>` in cluster mode). */
export const PROFILE_SERVICE = 'profile';

export const ProfileQuery = {
  /** `GetProfileRequest` -> `ProfileView | null` */
  get: 'get',
  /** `ListenerExistsRequest` -> `boolean`: the listener is registered and not forgotten (no profile is read). */
  exists: 'exists',
} as const;

export interface GetProfileRequest {
  listenerId: string;
  /** Read-your-writes: the answer reflects at least this log position of the listener's stream. */
  minPosition?: number;
}

export interface ListenerExistsRequest {
  listenerId: string;
}

/** What `GET /v1/listeners/{id}/profile` returns (API.md). */
export interface ProfileView {
  listenerId: string;
  name?: string;
  genres: TasteProfile['genres'];
  artists: TasteProfile['artists'];
  moods: TasteProfile['moods'];
  energyLevel: number;
  tempoPreference: TasteProfile['tempoPreference'];
  discoveryFactor: number;
  trustScore: number;
  trustLevel: TrustLevel;
  interactionCount: number;
  communityConnections: string[];
  currentMood?: TasteProfile['currentMood'];
  /** The DJ persona the listener chose, when they chose one. */
  djId?: string;
  /** The last reactions to tracks, oldest first (what insights and the DJ look back on). */
  recentInteractions: TasteProfile['recentInteractions'];
  createdAt: string;
  version: number;
  position: number;
}
