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
  draft.recentInteractions.push({
    trackId: track.trackId,
    type: feedback.type,
    ...(at === undefined ? {} : { at }),
    genre: tasteKey(track.genre),
    artist: track.artist,
  });
  if (draft.recentInteractions.length > RECENT_INTERACTIONS_LIMIT) {
    draft.recentInteractions.splice(0, draft.recentInteractions.length - RECENT_INTERACTIONS_LIMIT);
  }
  nudgeWeightInPlace(draft.genres, tasteKey(track.genre), strength);
  nudgeWeightInPlace(draft.artists, track.artist, strength);
  if (track.mood !== undefined) nudgeWeightInPlace(draft.moods, tasteKey(track.mood), strength);
  if (isPositiveFeedback(feedback)) draft.energyLevel = driftEnergy(draft.energyLevel, track.energy);
}
