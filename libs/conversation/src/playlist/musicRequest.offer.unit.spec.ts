import type { PlaylistTrack } from '@qfzz/contracts';
import type { Understanding } from '@qfzz/nlu';
import { OFFER_TRACKS_PER_ARTIST, shapeOffer } from './musicRequest';

const track = (artist: string, genre: string, n: number): PlaylistTrack => ({
  trackId: `${artist}-${genre}-${n}`,
  title: `${artist} song ${n}`,
  artist,
  genre,
  score: 1 - n / 100,
  reason: 'fits',
  discovery: false,
});
const asked = (fields: Partial<Understanding>): Understanding => ({
  intent: 'request_recommendation',
  ...fields,
});
const artistsOf = (tracks: PlaylistTrack[]) => tracks.map((t) => t.artist);

describe('shapeOffer: the tracks the DJ hands over', () => {
  // The recommender's order for a catalog heavy in one band: six of theirs first.
  const heavy = [
    ...Array.from({ length: 6 }, (_, n) => track("Guns N' Roses", 'rock', n)),
    track('Queen', 'rock', 1),
    track('Blur', 'rock', 2),
    track('Abba', 'pop', 3),
    track('The Who', 'rock', 4),
  ];

  it(`keeps an artist nobody named to ${OFFER_TRACKS_PER_ARTIST} while others can fill the offer`, () => {
    const { tracks, fewOfAskedFor } = shapeOffer(heavy, asked({ genres: ['rock'] }));
    expect(artistsOf(tracks)).toEqual(["Guns N' Roses", "Guns N' Roses", 'Queen', 'Blur', 'The Who']);
    expect(fewOfAskedFor).toBe(false);
  });

  it('spreads a plain request too, in the recommender order', () => {
    expect(artistsOf(shapeOffer(heavy, asked({})).tracks)).toEqual([
      "Guns N' Roses",
      "Guns N' Roses",
      'Queen',
      'Blur',
      'Abba',
    ]);
  });

  it('gives what was asked for over variety: one band is the whole offer when only it plays that genre', () => {
    const onlyOneRockBand = [...heavy.slice(0, 6), track('Abba', 'pop', 3), track('Adele', 'pop', 5)];
    const { tracks } = shapeOffer(onlyOneRockBand, asked({ genres: ['rock'] }));
    expect(tracks.map((t) => t.genre)).toEqual(['rock', 'rock', 'rock', 'rock', 'rock']);
  });

  it('gives as much of an artist the listener named as they like', () => {
    const { tracks } = shapeOffer(heavy, asked({ artists: ["Guns N' Roses"] }));
    expect(artistsOf(tracks)).toEqual(Array(5).fill("Guns N' Roses"));
  });

  it('still leaves out what the listener ruled out', () => {
    const { tracks } = shapeOffer(heavy, asked({ negated: { artists: ["Guns N' Roses"] } }));
    expect(artistsOf(tracks)).toEqual(['Queen', 'Blur', 'Abba', 'The Who']);
  });
});
