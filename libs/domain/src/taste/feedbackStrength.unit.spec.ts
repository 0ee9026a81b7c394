import {
  FEEDBACK_STRENGTHS,
  feedbackStrengthOf,
  isPositiveFeedback,
  ratingStrength,
} from './feedbackStrength';

describe('feedback strength', () => {
  it('is a table: play +0.05, skip -0.05, like +0.1, favorite +0.2', () => {
    expect(FEEDBACK_STRENGTHS).toEqual({ play: 0.05, skip: -0.05, like: 0.1, favorite: 0.2 });
  });

  it.each([
    [0, -0.1],
    [0.25, -0.05],
    [0.5, 0],
    [0.75, 0.05],
    [0.9, 0.08],
    [1, 0.1],
  ])('a rating of %p is worth %p', (rating, strength) => {
    expect(ratingStrength(rating)).toBeCloseTo(strength, 12);
    expect(feedbackStrengthOf({ type: 'rate', rating })).toBeCloseTo(strength, 12);
  });

  it.each([-0.01, 1.01, Number.NaN])('refuses a rating of %p', (rating) => {
    expect(() => ratingStrength(rating)).toThrow(RangeError);
  });

  it('calls play, like, favorite and a rating above neutral positive; skip and low or neutral ratings not', () => {
    expect(isPositiveFeedback({ type: 'play' })).toBe(true);
    expect(isPositiveFeedback({ type: 'like' })).toBe(true);
    expect(isPositiveFeedback({ type: 'favorite' })).toBe(true);
    expect(isPositiveFeedback({ type: 'rate', rating: 0.51 })).toBe(true);
    expect(isPositiveFeedback({ type: 'rate', rating: 0.5 })).toBe(false);
    expect(isPositiveFeedback({ type: 'rate', rating: 0.2 })).toBe(false);
    expect(isPositiveFeedback({ type: 'skip' })).toBe(false);
  });
});
