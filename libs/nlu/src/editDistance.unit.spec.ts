import { damerauLevenshtein, typoBudget } from './editDistance';

describe('Damerau-Levenshtein distance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(damerauLevenshtein('reggeaton', 'reggaeton')).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(damerauLevenshtein('metalica', 'metallica')).toBe(1);
    expect(damerauLevenshtein('jazz', 'jams')).toBe(2);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
  });

  it('stops past the budget it is given', () => {
    expect(damerauLevenshtein('classical', 'country', 1)).toBe(2);
  });

  it('allows no typo under 5 letters, one from 5 and two from 9', () => {
    expect([4, 5, 8, 9].map(typoBudget)).toEqual([0, 1, 1, 2]);
  });
});
