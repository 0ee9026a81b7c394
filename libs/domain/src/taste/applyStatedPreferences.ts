import type { PreferencesStatedData } from '../events/listenerEvents';
import { normalizeStatedWords } from '../events/statedWords';
import { FEEDBACK_STRENGTHS } from './feedbackStrength';
import { cloneTasteProfile, type TasteProfile, type TasteWeights } from './tasteProfile';
import { clampWeight, nudgeWeightInPlace, tasteKey } from './tasteWeights';

/** Saying "I like jazz" is worth what liking a jazz track is worth. */
export const STATED_WORD_STRENGTH = FEEDBACK_STRENGTHS.like;

/**
 * Weights the listener gives are taken as given (they set, not nudge); a
 * plain list of words nudges each genre like a like. Words apply after the
 * maps, so `{genres: {jazz: 0.8}, words: ['jazz']}` ends at 0.9.
 */
export function applyStatedPreferences(profile: TasteProfile, stated: PreferencesStatedData): TasteProfile {
  const draft = cloneTasteProfile(profile);
  applyStatedPreferencesInPlace(draft, stated);
  return draft;
}

/** The same rule on a draft the caller owns. */
export function applyStatedPreferencesInPlace(draft: TasteProfile, stated: PreferencesStatedData): void {
  mergeWeightsInPlace(draft.genres, stated.genres, tasteKey);
  for (const word of normalizeStatedWords(stated.words ?? []))
    nudgeWeightInPlace(draft.genres, word, STATED_WORD_STRENGTH);
  mergeWeightsInPlace(draft.artists, stated.artists, (artist) => artist);
  mergeWeightsInPlace(draft.moods, stated.moods, tasteKey);
  draft.energyLevel = stated.energyLevel ?? draft.energyLevel;
  draft.tempoPreference = stated.tempoPreference ?? draft.tempoPreference;
  draft.discoveryFactor = stated.discoveryFactor ?? draft.discoveryFactor;
}

function mergeWeightsInPlace(
  weights: TasteWeights,
  given: Record<string, number> | undefined,
  keyOf: (label: string) => string,
): void {
  if (!given) return;
  for (const [label, weight] of Object.entries(given)) {
    const key = keyOf(label);
    if (key !== '') weights[key] = clampWeight(weight);
  }
}
