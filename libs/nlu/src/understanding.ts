/**
 * What `understand` reports about one listener message. The intent, mood and
 * genre words are the ones the gateway returns as `understood` (API.md), so the
 * conversation service can pass this through without translating it.
 */

export const INTENTS = [
  'request_recommendation',
  'express_mood',
  'state_preference',
  'feedback_positive',
  'feedback_negative',
  'ask_community',
  'greeting',
  'ask_trust',
  'smalltalk',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Kept equal to `MOODS` in `@qfzz/domain`; nlu does not import domain so it stays a leaf. */
export const MOODS = ['energetic', 'happy', 'calm', 'sad', 'focused', 'angry', 'romantic'] as const;
export type Mood = (typeof MOODS)[number];

export const ACTIVITIES = ['working_out', 'working', 'cooking', 'winding_down', 'studying', 'party'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export type EnergyHint = 'up' | 'down';
export type Feedback = 'positive' | 'negative';

/** Fields that came from the session context rather than from this message. */
export type CarriedField = 'mood' | 'activity' | 'energyHint' | 'genres' | 'negated';

/**
 * The catalog's own words. Passed in, never loaded: the library does no I/O,
 * and only the caller knows which catalog the listener is hearing.
 */
export interface Vocabulary {
  /** Genre names as the catalog spells them, lower-case (`hip-hop`, `r&b`). */
  genres: readonly string[];
  /** Artist names as the catalog spells them. */
  artists: readonly string[];
}

export interface Understanding {
  intent: Intent;
  mood?: Mood;
  energyHint?: EnergyHint;
  /** Genres the listener wants, as catalog names. Ruled-out genres are in `negated`. */
  genres?: string[];
  artists?: string[];
  activity?: Activity;
  /** About the track playing now, whatever the main intent is. */
  feedback?: Feedback;
  /**
   * Genres and artists the listener ruled out ("no jazz please", "I hate
   * country"). Kept apart from `genres` so nobody records them as liked.
   */
  negated?: { genres?: string[]; artists?: string[] };
  /** Present when some fields were filled from the session context. */
  carried?: CarriedField[];
}
