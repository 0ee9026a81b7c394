/** Queries the recommender answers. */
export const RECOMMENDER_SERVICE = 'recommender';

export const PlaylistQuery = {
  /** `PlaylistRequest` -> `Playlist` */
  generate: 'generate',
} as const;

export interface PlaylistRequest {
  listenerId: string;
  /** 1..100, default 20. */
  size?: number;
  /** `played`: leave out tracks the listener has played. */
  exclude?: 'played';
  /** Session mood (from conversation or the query string). */
  mood?: string;
  /** e.g. `working_out`, `studying`, `winding_down`. */
  activity?: string;
  /** 0..23, the listener's local hour. */
  hour?: number;
  /** 0..1; overrides the profile's discovery factor for this playlist. */
  discovery?: number;
  /** Read-your-writes: the playlist reflects at least this log position. */
  minPosition?: number;
}

export interface PlaylistTrack {
  trackId: string;
  title: string;
  artist: string;
  genre: string;
  score: number;
  /** Why this pick, in words a listener understands ("because you liked X", "2 friends love this"). */
  reason: string;
  /** True for an exploration pick outside the listener's known taste. */
  discovery: boolean;
}

/** What `GET /v1/listeners/{id}/playlist` returns (API.md). */
export interface Playlist {
  tracks: PlaylistTrack[];
  generatedAt: string;
  profileVersion: number;
}
