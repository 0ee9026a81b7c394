import { NEUTRAL_WEIGHT, type TasteWeights } from './tasteProfile';

/**
 * Genre and mood keys are compared lower-case and trimmed, the way the catalog
 * spells genres, so "Jazz" from a listener and "jazz" from a track meet.
 * Artist names are kept exactly as the catalog spells them.
 */
export function tasteKey(label: string): string {
  return label.trim().toLowerCase();
}

export function clampWeight(weight: number): number {
  return Math.min(1, Math.max(0, weight));
}

/** `w = clamp(w_or_0.5 + strength, 0, 1)`: a key never seen starts neutral. Returns a new map. */
export function nudgeWeight(weights: TasteWeights, key: string, strength: number): TasteWeights {
  const nudged = { ...weights };
  nudgeWeightInPlace(nudged, key, strength);
  return nudged;
}

/** The same rule on a map the caller owns (a draft being folded). */
export function nudgeWeightInPlace(weights: TasteWeights, key: string, strength: number): void {
  weights[key] = clampWeight((weights[key] ?? NEUTRAL_WEIGHT) + strength);
}
