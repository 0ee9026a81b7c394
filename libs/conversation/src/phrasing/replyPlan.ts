import type { PlaylistTrack } from '@qfzz/contracts';
import type { TrustLevel } from '@qfzz/domain';
import type { Activity, Mood, Understanding } from '@qfzz/nlu';

/** A track as the DJ names it in a sentence. */
export interface NamedTrack {
  trackId: string;
  title?: string;
  artist?: string;
}

/**
 * Everything the DJ decided to say, before it is put into words: what it
 * understood, what it learned (and wrote to the log), what it found. The
 * embedded phrasing engine and the optional LLM both phrase from this, so
 * neither decides anything about music.
 */
export interface ReplyPlan {
  listenerId: string;
  listenerName?: string;
  trustLevel: TrustLevel;
  trustScore?: number;
  understood: Understanding;
  /** The mood the music was shaped by (said now, carried, or implied by an energy hint). */
  mood?: Mood;
  activity?: Activity;
  /** The listener's strongest genre, for personal lines. */
  topGenre?: string;
  learned: {
    /** A mood said in this message (written as MoodExpressed). */
    mood?: Mood;
    liked: string[];
    disliked: string[];
    feedback?: { kind: 'positive' | 'negative'; track?: NamedTrack };
    /** Feedback with no played track to attach it to: nothing was written. */
    feedbackWithoutTrack?: boolean;
  };
  /** The genres or artists the listener asked the music to be. */
  askedFor: string[];
  tracks?: PlaylistTrack[];
  /** Music was called for but the recommender did not answer. */
  musicUnavailable?: boolean;
  /** Fewer of the asked genres were found than offered. */
  fewOfAskedFor?: boolean;
  community?: {
    connections: number;
    /** The community's favourite lately. */
    loving?: NamedTrack & { friends: number };
    /** An offered track the community liked. */
    likedInOffer?: NamedTrack & { friends: number };
  };
}
