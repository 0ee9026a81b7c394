import { understand } from './understand';
import type { Vocabulary } from './understanding';

const vocabulary: Vocabulary = {
  genres: [
    'hip-hop',
    'k-pop',
    'r&b',
    'edm',
    'rock',
    'pop',
    'jazz',
    'deep house',
    'house',
    'ballad',
    'reggaeton',
    'classical',
    'country',
  ],
  artists: ['Daft Punk', 'Metallica', 'Beyoncé', 'The Weeknd', 'Queen', 'Billie Eilish'],
};
const genresIn = (text: string, vocab: Vocabulary = vocabulary) => understand(text, vocab).genres;
const artistsIn = (text: string) => understand(text, vocabulary).artists;

describe('genre and artist matching against the catalog vocabulary', () => {
  it.each([
    ['play some HIP HOP', ['hip-hop']],
    ['play some hiphop', ['hip-hop']],
    ['play some rnb', ['r&b']],
    ['play some r and b', ['r&b']],
    ['play some R & B', ['r&b']],
    ['play some kpop', ['k-pop']],
    ['play some K-Pop', ['k-pop']],
  ])('ignores case and separators: %s', (text, genres) => {
    expect(genresIn(text)).toEqual(genres);
  });

  it('prefers the longest name: deep house over house, k-pop over pop', () => {
    expect(genresIn('play deep house')).toEqual(['deep house']);
    expect(genresIn('play k-pop')).toEqual(['k-pop']);
  });

  it('reads plurals as the catalog singular', () => {
    expect(genresIn('play some ballads')).toEqual(['ballad']);
  });

  it('does not read a verb "rocks" as the genre', () => {
    expect(genresIn('this song rocks')).toBeUndefined();
  });

  it('forgives one typo in words of 5+ letters and two in words of 9+', () => {
    expect(genresIn('play some reggeaton')).toEqual(['reggaeton']);
    expect(genresIn('play some clasical')).toEqual(['classical']);
    expect(genresIn('play some clsical')).toEqual(['classical']);
    expect(artistsIn('play metalica')).toEqual(['Metallica']);
    expect(artistsIn('play billie elish')).toEqual(['Billie Eilish']);
  });

  it('forgives no typos in short words', () => {
    expect(genresIn('play some jaz')).toBeUndefined();
    expect(genresIn('play some rick')).toBeUndefined();
  });

  it('does not mistake an English word one edit from a name for it', () => {
    expect(artistsIn('queue up some jazz')).toBeUndefined();
  });

  it('maps "electronic" to the closest genre the catalog has', () => {
    expect(genresIn('play some electronic')).toEqual(['edm']);
    expect(genresIn('play some electronic', { genres: ['electronic', 'edm'], artists: [] })).toEqual([
      'electronic',
    ]);
    expect(genresIn('play some electronic', { genres: ['house'], artists: [] })).toEqual(['house']);
    expect(genresIn('play some electronic', { genres: ['jazz'], artists: [] })).toBeUndefined();
  });

  it('matches multi-word artists, accents and a leading "the"', () => {
    expect(artistsIn('play some Daft Punk')).toEqual(['Daft Punk']);
    expect(artistsIn('something by beyonce')).toEqual(['Beyoncé']);
    expect(artistsIn('play weeknd')).toEqual(['The Weeknd']);
    expect(artistsIn('play the weeknd')).toEqual(['The Weeknd']);
  });

  it('does not read everyday uses of a name as the music', () => {
    expect(genresIn('my house is a mess')).toBeUndefined();
    expect(genresIn('throwing a house party tonight')).toBeUndefined();
    expect(artistsIn('Beyonce is my queen')).toEqual(['Beyoncé']);
  });
});
