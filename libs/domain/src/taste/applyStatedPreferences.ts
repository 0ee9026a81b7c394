import type { PreferencesStatedData } from '../events/listenerEvents';
import { normalizeStatedWords } from '../events/statedWords';
import { FEEDBACK_STRENGTHS } from './feedbackStrength';
import type { TasteProfile, TasteWeights } from './tasteProfile';
import { clampWeight, nudgeWeight, tasteKey } from './tasteWeights';

/** Saying "I like jazz" is worth what liking a jazz track is worth. */
export const STATED_WORD_STRENGTH = FEEDBACK_STRENGTHS.like;

/**
 * Weights the listener gives are taken as given (they set, not nudge); a
 * plain list of words nudges each genre like a like. Words apply after the
 * maps, so `{genres: {jazz: 0.8}, words: ['jazz']}` ends at 0.9.
 */
export function applyStatedPreferences(profile: TasteProfile, stated: PreferencesStatedData): TasteProfile {
  let genres = mergeWeights(profile.genres, stated.genres, tasteKey);
  for (const word of normalizeStatedWords(stated.words ?? []))
    genres = nudgeWeight(genres, word, STATED_WORD_STRENGTH);
  return {
    ...profile,
    genres,
    artists: mergeWeights(profile.artists, stated.artists, (artist) => artist),
    moods: mergeWeights(profile.moods, stated.moods, tasteKey),
    energyLevel: stated.energyLevel ?? profile.energyLevel,
    tempoPreference: stated.tempoPreference ?? profile.tempoPreference,
    discoveryFactor: stated.discoveryFactor ?? profile.discoveryFactor,
  };
}

function mergeWeights(
  weights: TasteWeights,
  given: Record<string, number> | undefined,
  keyOf: (label: string) => string,
): TasteWeights {
  if (!given) return weights;
  const merged = { ...weights };
  for (const [label, weight] of Object.entries(given)) {
    const key = keyOf(label);
    if (key !== '') merged[key] = clampWeight(weight);
  }
  return merged;
}
