import type { TrackSnapshot } from '../events/trackSnapshot';
import { driftEnergy } from './energyDrift';
import { feedbackStrengthOf, isPositiveFeedback, type Feedback } from './feedbackStrength';
import { RECENT_INTERACTIONS_LIMIT, type TasteProfile } from './tasteProfile';
import { nudgeWeight, tasteKey } from './tasteWeights';

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
  const strength = feedbackStrengthOf(feedback);
  const recent = [
    ...profile.recentInteractions,
    {
      trackId: track.trackId,
      type: feedback.type,
      ...(at === undefined ? {} : { at }),
      genre: tasteKey(track.genre),
      artist: track.artist,
    },
  ].slice(-RECENT_INTERACTIONS_LIMIT);
  return {
    ...profile,
    genres: nudgeWeight(profile.genres, tasteKey(track.genre), strength),
    artists: nudgeWeight(profile.artists, track.artist, strength),
    moods:
      track.mood === undefined ? profile.moods : nudgeWeight(profile.moods, tasteKey(track.mood), strength),
    energyLevel: isPositiveFeedback(feedback)
      ? driftEnergy(profile.energyLevel, track.energy)
      : profile.energyLevel,
    recentInteractions: recent,
  };
}
