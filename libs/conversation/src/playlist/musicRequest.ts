import type { PlaylistRequest, PlaylistTrack } from '@qfzz/contracts';
import type { Mood, Understanding } from '@qfzz/nlu';

/** How many tracks the DJ hands over with a reply. */
export const DEFAULT_OFFER_SIZE = 5;
/** When the listener names genres or artists, ask the recommender for this many and keep theirs first. */
export const WIDE_PLAYLIST_SIZE = 100;

/** The mood the music should have: the one said (or carried), else the one an energy hint implies. */
export function musicMood(understood: Understanding): Mood | undefined {
  if (understood.mood) return understood.mood;
  if (understood.energyHint === 'up') return 'energetic';
  if (understood.energyHint === 'down') return 'calm';
  return undefined;
}

/** Asked for music, or said a mood or activity that calls for it. */
export function wantsMusic(understood: Understanding): boolean {
  if (understood.intent === 'request_recommendation') return true;
  return (
    understood.intent === 'express_mood' &&
    (understood.mood !== undefined ||
      understood.activity !== undefined ||
      understood.energyHint !== undefined)
  );
}

/** The names the listener asked the music to be ("some electronic" -> edm). */
export function askedFor(understood: Understanding): string[] {
  return [...(understood.genres ?? []), ...(understood.artists ?? [])];
}

/**
 * The recommender request for this message: the session's mood and activity
 * applied (nlu's activities are the playlist's `activity` words), read-your-
 * writes at the position of what the message just appended.
 */
export function playlistRequestFor(
  listenerId: string,
  understood: Understanding,
  minPosition: number,
  size = DEFAULT_OFFER_SIZE,
): PlaylistRequest {
  const mood = musicMood(understood);
  const named = askedFor(understood).length > 0 || understood.negated !== undefined;
  return {
    listenerId,
    size: named ? WIDE_PLAYLIST_SIZE : size,
    ...(mood ? { mood } : {}),
    ...(understood.activity ? { activity: understood.activity } : {}),
    ...(minPosition > 0 ? { minPosition } : {}),
  };
}

export interface ShapedOffer {
  tracks: PlaylistTrack[];
  /** Asked for genres or artists and fewer than `size` of them came back. */
  fewOfAskedFor: boolean;
}

/** Tracks by one artist in an offer while other artists can fill it, unless the listener named that artist. */
export const OFFER_TRACKS_PER_ARTIST = 2;

/**
 * The recommender's order, with what the listener named first and what they
 * ruled out removed, and no more than `OFFER_TRACKS_PER_ARTIST` by one
 * artist they did not name while others can fill the offer (a catalog heavy
 * in one band made "some rock" five songs by it). The playlist contract has
 * no genre filter, so this is where "some electronic" becomes electronic.
 */
export function shapeOffer(
  tracks: readonly PlaylistTrack[],
  understood: Understanding,
  size = DEFAULT_OFFER_SIZE,
): ShapedOffer {
  const ruledOutGenres = new Set(understood.negated?.genres ?? []);
  const ruledOutArtists = new Set(understood.negated?.artists ?? []);
  const allowed = tracks.filter(
    (track) => !ruledOutGenres.has(track.genre.toLowerCase()) && !ruledOutArtists.has(track.artist),
  );
  const genres = new Set(understood.genres ?? []);
  const artists = new Set(understood.artists ?? []);
  if (genres.size === 0 && artists.size === 0)
    return { tracks: spreadArtists(allowed, size, artists), fewOfAskedFor: false };
  const named = (track: PlaylistTrack) => genres.has(track.genre.toLowerCase()) || artists.has(track.artist);
  const matching = allowed.filter(named);
  const offer = spreadArtists(matching, size, artists);
  const others = allowed.filter((track) => !named(track));
  offer.push(...spreadArtists(others, size - offer.length, artists));
  return { tracks: offer, fewOfAskedFor: matching.length < size };
}

/** Up to `size` tracks in order, an artist past its share held back until nothing else is left. */
function spreadArtists(
  tracks: readonly PlaylistTrack[],
  size: number,
  namedArtists: ReadonlySet<string>,
): PlaylistTrack[] {
  const picked: PlaylistTrack[] = [];
  const heldBack: PlaylistTrack[] = [];
  const perArtist = new Map<string, number>();
  for (const track of tracks) {
    if (picked.length >= size) break;
    const count = perArtist.get(track.artist) ?? 0;
    if (count >= OFFER_TRACKS_PER_ARTIST && !namedArtists.has(track.artist)) heldBack.push(track);
    else {
      perArtist.set(track.artist, count + 1);
      picked.push(track);
    }
  }
  for (const track of heldBack) if (picked.length < size) picked.push(track);
  return picked;
}
