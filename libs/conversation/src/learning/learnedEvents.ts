import { createHash } from 'node:crypto';
import {
  newEventId,
  clampWeight,
  FEEDBACK_STRENGTHS,
  NEUTRAL_WEIGHT,
  newQfzzEvent,
  tasteKey,
  type EventMetadata,
  type NewEvent,
  type PreferencesStatedData,
  type TrackSnapshot,
} from '@qfzz/domain';
import type { Understanding } from '@qfzz/nlu';
import type { ReplyPlan } from '../phrasing/replyPlan';

/** A dislike said in words weighs what a like weighs, the other way (a like is +0.1). */
export const STATED_DISLIKE_STRENGTH = -FEEDBACK_STRENGTHS.like;

export interface LearningInput {
  listenerId: string;
  text: string;
  understood: Understanding;
  /** Current weights, for artist likes and for dislikes (the event sets weights; words only nudge genres). */
  weights?: { genres: Record<string, number>; artists: Record<string, number> };
  /** The track playing now, for feedback. */
  currentTrack?: TrackSnapshot;
  occurredAt: string;
  correlationId?: string;
}

export interface Learned {
  events: NewEvent[];
  /** The MessageSent event's id (DjReplied's causation). */
  messageEventId: string;
  learned: ReplyPlan['learned'];
}

/**
 * Pure: what one message teaches, as the events to append.
 * - always `MessageSent` (it counts toward trust);
 * - `MoodExpressed` for a mood said in this message (a carried one was said before);
 * - `PreferencesStated` for a stated taste: liked genres as words (the reducer
 *   nudges them like a like), liked artists as their weight + 0.1, ruled-out
 *   genres and artists as their weight - 0.1 (never as positive);
 * - `TrackLiked`/`TrackSkipped` for feedback, on the track playing now;
 * - nothing else for small talk, greetings and questions.
 */
export function learnFromMessage(input: LearningInput): Learned {
  const { understood } = input;
  const ids = eventIds(input.correlationId);
  const metadata: Partial<Omit<EventMetadata, 'recordedAt'>> = {
    occurredAt: input.occurredAt,
    actor: input.listenerId,
    ...(input.correlationId ? { correlationId: input.correlationId } : {}),
  };
  const messageEventId = ids('MessageSent');
  const caused = { ...metadata, causationId: messageEventId };
  const events: NewEvent[] = [
    newQfzzEvent('MessageSent', { text: input.text }, { eventId: messageEventId, metadata }),
  ];
  const learned: ReplyPlan['learned'] = { liked: [], disliked: [] };

  if (understood.mood && !understood.carried?.includes('mood')) {
    learned.mood = understood.mood;
    events.push(
      newQfzzEvent(
        'MoodExpressed',
        { mood: understood.mood, source: 'message' },
        { eventId: ids('MoodExpressed'), metadata: caused },
      ),
    );
  }

  if (understood.intent === 'state_preference') {
    const stated = statedPreferences(understood, input.weights);
    if (stated) {
      learned.liked = [...(understood.genres ?? []), ...(understood.artists ?? [])];
      learned.disliked = [...(understood.negated?.genres ?? []), ...(understood.negated?.artists ?? [])];
      events.push(
        newQfzzEvent('PreferencesStated', stated, { eventId: ids('PreferencesStated'), metadata: caused }),
      );
    }
  }

  if (understood.feedback) {
    if (input.currentTrack) {
      const type = understood.feedback === 'positive' ? 'TrackLiked' : 'TrackSkipped';
      const context = {
        ...(understood.mood ? { mood: understood.mood } : {}),
        ...(understood.activity ? { activity: understood.activity } : {}),
      };
      events.push(
        newQfzzEvent(
          type,
          { track: input.currentTrack, ...(Object.keys(context).length > 0 ? { context } : {}) },
          { eventId: ids(type), metadata: caused },
        ),
      );
      learned.feedback = { kind: understood.feedback, track: { trackId: input.currentTrack.trackId } };
    } else {
      learned.feedbackWithoutTrack = true;
    }
  }
  return { events, messageEventId, learned };
}

function statedPreferences(
  understood: Understanding,
  weights: LearningInput['weights'],
): PreferencesStatedData | undefined {
  const stated: PreferencesStatedData = {};
  if (understood.genres?.length) stated.words = [...understood.genres];
  const artists: Record<string, number> = {};
  for (const artist of understood.artists ?? [])
    artists[artist] = nudged(weights?.artists[artist], FEEDBACK_STRENGTHS.like);
  for (const artist of understood.negated?.artists ?? [])
    artists[artist] = nudged(weights?.artists[artist], STATED_DISLIKE_STRENGTH);
  const genres: Record<string, number> = {};
  for (const genre of understood.negated?.genres ?? []) {
    const key = tasteKey(genre);
    genres[key] = nudged(weights?.genres[key], STATED_DISLIKE_STRENGTH);
  }
  if (Object.keys(artists).length > 0) stated.artists = artists;
  if (Object.keys(genres).length > 0) stated.genres = genres;
  return Object.keys(stated).length > 0 ? stated : undefined;
}

/** `clamp(w_or_0.5 + strength)`, settled to 6 decimals so 0.8 - 0.1 is written as 0.7. */
export function nudged(weight: number | undefined, strength: number): number {
  return Math.round(clampWeight((weight ?? NEUTRAL_WEIGHT) + strength) * 1e6) / 1e6;
}

/**
 * With a correlation id, event ids derive from it, so a retried request
 * appends nothing twice (the store skips ids it already has).
 */
export function eventIds(correlationId: string | undefined): (what: string) => string {
  if (!correlationId) return () => newEventId();
  return (what) => {
    const hex = createHash('sha256').update(`${correlationId}:${what}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
