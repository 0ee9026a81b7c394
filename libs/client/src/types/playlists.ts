import type { DjReply, Greeting, Intent, Playlist, PlaylistTrack } from '@qfzz/contracts';

export type { DjReply, Greeting, Intent, Playlist, PlaylistTrack };

/** The moods `understood.mood` can name. */
export type Mood = 'energetic' | 'happy' | 'calm' | 'sad' | 'focused' | 'angry' | 'romantic';

/** `GET /v1/listeners/{id}/playlist` query. */
export interface PlaylistOptions {
  /** 1..100, default 20. */
  size?: number;
  /** `played`: leave out what the listener has played. */
  exclude?: 'played';
  mood?: string;
  /** e.g. `working_out`, `studying`, `winding_down`. */
  activity?: string;
  /** 0..23, the listener's local hour. */
  hour?: number;
  /** 0..1; overrides the profile's discovery factor for this playlist. */
  discovery?: number;
}
