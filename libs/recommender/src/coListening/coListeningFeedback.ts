import type { FeedbackType } from '@qfzz/domain';

/**
 * What each reaction means to the co-listening model, as data (after Gorse):
 * `positive` acts put the track in the listener's recent window (and pair it
 * with what is already there), `negative` ones take it out; every act counts
 * as "heard" for `exclude: played`. A rating is positive above this.
 */
export const CO_LISTENING_FEEDBACK: Readonly<Record<FeedbackType, 'positive' | 'negative' | 'rated'>> = {
  play: 'positive',
  like: 'positive',
  favorite: 'positive',
  skip: 'negative',
  rate: 'rated',
};
export const POSITIVE_RATING_ABOVE = 0.5;

export function isPositiveAct(type: FeedbackType, rating?: number): boolean {
  const kind = CO_LISTENING_FEEDBACK[type];
  if (kind === 'rated') return rating !== undefined && rating > POSITIVE_RATING_ABOVE;
  return kind === 'positive';
}
