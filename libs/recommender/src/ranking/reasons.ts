import { similarGenres, tasteKey, type TasteWeights } from '@qfzz/recsys';

/** An artist weight at or above this makes the artist "one of your favourites". */
export const FAVOURITE_ARTIST_WEIGHT = 0.7;

export function becauseYouLiked(title: string | undefined, artist: string | undefined): string {
  if (title && artist) return `because you liked "${title}" by ${artist}`;
  if (title) return `because you liked "${title}"`;
  return `because you liked ${artist ?? 'similar tracks'}`;
}

export function friendsLoveThis(friends: number): string {
  return friends >= 2 ? `${friends} friends love this` : 'a friend loves this';
}

export function discoveryPick(genre: string): string {
  return `a discovery pick in ${genre}`;
}

export function popularPick(fromListening: boolean): string {
  return fromListening ? 'popular with listeners right now' : 'a crowd favourite';
}

/**
 * Why the listener's own taste put this track here: a favourite artist, a
 * liked artist, a genre they like (or one close to it), else the feel of it.
 */
export function tasteReason(
  taste: { genres: TasteWeights; artists: TasteWeights },
  track: { genre: string; artist: string },
  parts: { genre: number; artist: number },
): string {
  const artistWeight = taste.artists[track.artist] ?? 0;
  if (artistWeight >= FAVOURITE_ARTIST_WEIGHT) return `more ${track.artist}, one of your favourites`;
  if (artistWeight > 0.5 && 0.25 * parts.artist >= 0.3 * parts.genre)
    return becauseYouLiked(undefined, track.artist);
  const key = tasteKey(track.genre);
  if (key in taste.genres && parts.genre > 0) return `because you like ${track.genre}`;
  if (parts.genre > 0) {
    let best: string | undefined;
    let bestWeight = 0;
    for (const similar of similarGenres(key)) {
      const weight = taste.genres[similar] ?? 0;
      if (weight > bestWeight) {
        bestWeight = weight;
        best = similar;
      }
    }
    if (best) return `close to the ${best} you like`;
  }
  if (artistWeight > 0) return becauseYouLiked(undefined, track.artist);
  return 'fits your energy and pace';
}
