import type { EventType } from '../events/eventCatalogue';

export type FeedbackType = 'play' | 'skip' | 'like' | 'favorite' | 'rate';

/** How far one reaction moves a weight; negative pulls it down. */
export type FeedbackStrength = number;

export type Feedback = { type: Exclude<FeedbackType, 'rate'> } | { type: 'rate'; rating: number };

/**
 * What each reaction is worth, as data (after Gorse): tuning what counts as
 * positive or negative is an edit here, not a hunt through handlers.
 */
export const FEEDBACK_STRENGTHS: Readonly<Record<Exclude<FeedbackType, 'rate'>, FeedbackStrength>> = {
  play: 0.05,
  skip: -0.05,
  like: 0.1,
  favorite: 0.2,
};

/** A rating of exactly this is indifference: it moves nothing. */
export const NEUTRAL_RATING = 0.5;
/** Scales a rating's distance from neutral, so ratings span -0.1..+0.1, between a skip-and-a-half and a like. */
export const RATING_STRENGTH_SCALE = 0.2;

export function ratingStrength(rating: number): FeedbackStrength {
  if (!(rating >= 0 && rating <= 1)) throw new RangeError(`rating must be within 0..1, got ${rating}`);
  return (rating - NEUTRAL_RATING) * RATING_STRENGTH_SCALE;
}

export function feedbackStrengthOf(feedback: Feedback): FeedbackStrength {
  return feedback.type === 'rate' ? ratingStrength(feedback.rating) : FEEDBACK_STRENGTHS[feedback.type];
}

/** Positive feedback is what pulls the listener's energy level toward a track's. */
export function isPositiveFeedback(feedback: Feedback): boolean {
  return feedbackStrengthOf(feedback) > 0;
}

/** Which events are feedback on a track, and of which kind. */
export const FEEDBACK_EVENT_TYPES = {
  TrackPlayed: 'play',
  TrackSkipped: 'skip',
  TrackLiked: 'like',
  TrackFavorited: 'favorite',
  TrackRated: 'rate',
} as const satisfies Partial<Record<EventType, FeedbackType>>;

export type FeedbackEventType = keyof typeof FEEDBACK_EVENT_TYPES;

export function isFeedbackEventType(type: string): type is FeedbackEventType {
  return Object.prototype.hasOwnProperty.call(FEEDBACK_EVENT_TYPES, type);
}
