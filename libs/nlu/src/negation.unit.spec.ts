import { understand } from './understand';
import { TEST_VOCABULARY } from './__data__/utterances';

describe('negation: a ruled-out genre is never a liked one', () => {
  it.each([
    ['no jazz please', 'jazz'],
    ['not in the mood for rock', 'rock'],
    ["I don't like rap", 'rap'],
    ['I hate country music', 'country'],
    ["can't stand edm", 'edm'],
    ['anything but country', 'country'],
    ['honestly I like everything except country', 'country'],
    ['Not a fan of pop', 'pop'],
  ])('"%s" rules out %s', (text, genre) => {
    const understood = understand(text, TEST_VOCABULARY);
    expect(understood.genres ?? []).not.toContain(genre);
    expect(understood.negated?.genres).toContain(genre);
  });

  it('states a negative preference when nothing is asked for', () => {
    expect(understand('no jazz please', TEST_VOCABULARY).intent).toBe('state_preference');
  });

  it('keeps the negation inside its clause', () => {
    const understood = understand("I don't like rock but jazz is fine", TEST_VOCABULARY);
    expect(understood.negated?.genres).toEqual(['rock']);
    expect(understood.genres).toEqual(['jazz']);
    expect(understand('play some rock, not metal', TEST_VOCABULARY)).toMatchObject({
      genres: ['rock'],
      negated: { genres: ['metal'] },
    });
  });

  it('reads "why not" as a yes', () => {
    expect(understand('why not some jazz?', TEST_VOCABULARY).genres).toEqual(['jazz']);
  });

  it('turns a negated good mood into a bad one and drops other negated moods', () => {
    expect(understand("I'm not happy today", TEST_VOCABULARY).mood).toBe('sad');
    expect(understand("I'm not angry, just bored", TEST_VOCABULARY).mood).toBeUndefined();
  });

  it('flips feedback under negation', () => {
    expect(understand("I don't like this track", TEST_VOCABULARY).feedback).toBe('negative');
    expect(understand("I don't hate this", TEST_VOCABULARY).feedback).toBe('positive');
  });
});
