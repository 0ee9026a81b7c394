import { normalizeStatedWords } from './statedWords';

describe('normalizeStatedWords', () => {
  it('trims, lower-cases, drops empties and keeps the first of each duplicate', () => {
    expect(normalizeStatedWords([' Jazz', 'deep house', 'JAZZ ', '', '   ', 'Deep House', 'soul'])).toEqual([
      'jazz',
      'deep house',
      'soul',
    ]);
  });

  it('gives nothing for nothing', () => {
    expect(normalizeStatedWords([])).toEqual([]);
  });
});
