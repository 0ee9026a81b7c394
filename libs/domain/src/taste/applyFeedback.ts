import type { TrackSnapshot } from '../events/trackSnapshot';
import { driftEnergy } from './energyDrift';
import { feedbackStrengthOf, isPositiveFeedback, type Feedback } from './feedbackStrength';
import { cloneTasteProfile, RECENT_INTERACTIONS_LIMIT, type TasteProfile } from './tasteProfile';
import { nudgeWeightInPlace, tasteKey } from './tasteWeights';

/**
 * One reaction to one track: its genre, artist and (if known) mood move by
 * the feedback's strength, and a positive reaction pulls energy toward the
 * track's. Pure; returns a new profile.
 */
export function applyFeedback(
  profile: TasteProfile,
  feedback: Feedback,
  track: TrackSnapshot,
  at?: string,
): TasteProfile {
  const draft = cloneTasteProfile(profile);
  applyFeedbackInPlace(draft, feedback, track, at);
  return draft;
}

/** The same rule on a draft the caller owns. */
export function applyFeedbackInPlace(
  draft: TasteProfile,
  feedback: Feedback,
  track: TrackSnapshot,
  at?: string,
): void {
  const strength = feedbackStrengthOf(feedback);
  const genre = tasteKey(track.genre);
  // One object literal per shape and shift() rather than splice(): no garbage beyond the entry itself,
  // as a replay runs this once per event.
  const recent = draft.recentInteractions;
  recent.push(
    at === undefined
      ? { trackId: track.trackId, type: feedback.type, genre, artist: track.artist }
      : { trackId: track.trackId, type: feedback.type, at, genre, artist: track.artist },
  );
  while (recent.length > RECENT_INTERACTIONS_LIMIT) recent.shift();
  nudgeWeightInPlace(draft.genres, genre, strength);
  nudgeWeightInPlace(draft.artists, track.artist, strength);
  if (track.mood !== undefined) nudgeWeightInPlace(draft.moods, tasteKey(track.mood), strength);
  if (isPositiveFeedback(feedback)) draft.energyLevel = driftEnergy(draft.energyLevel, track.energy);
}
