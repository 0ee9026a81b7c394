import type { PlaylistRequest } from '@qfzz/contracts';
import { isValidId, ID_RULE } from '@qfzz/domain';
import { DEFAULT_PLAYLIST_SIZE, MAX_PLAYLIST_SIZE } from '../ranking/playlistGenerator';
import { PlaylistRequestError } from './playlistRequestError';

/** The request's options with defaults applied: what a playlist (and its cache key) depends on. */
export interface PlaylistRequestOptions {
  size: number;
  exclude?: 'played';
  mood?: string;
  activity?: string;
  hour?: number;
  discovery?: number;
}

const optionalLabel = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 100)
    throw new PlaylistRequestError(`${field}: must be 1..100 characters (leave it out instead of empty)`);
  return value.trim().toLowerCase();
};

/**
 * The API.md rules, so every caller gets the same answer: `size` 1..100,
 * `hour` 0..23 (whole numbers), `discovery` 0..1; out of range is an error,
 * never clamped.
 */
export function validatePlaylistRequest(request: unknown): {
  listenerId: string;
  minPosition: number;
  options: PlaylistRequestOptions;
} {
  const r = (request ?? {}) as Partial<Record<keyof PlaylistRequest, unknown>>;
  if (!isValidId(r.listenerId)) throw new PlaylistRequestError(`listenerId: must be ${ID_RULE}`);
  const size = r.size ?? DEFAULT_PLAYLIST_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_PLAYLIST_SIZE)
    throw new PlaylistRequestError(`size: must be a whole number between 1 and ${MAX_PLAYLIST_SIZE}`);
  if (r.exclude !== undefined && r.exclude !== 'played')
    throw new PlaylistRequestError('exclude: the only value is "played"');
  if (
    r.hour !== undefined &&
    (typeof r.hour !== 'number' || !Number.isInteger(r.hour) || r.hour < 0 || r.hour > 23)
  )
    throw new PlaylistRequestError('hour: must be a whole number between 0 and 23');
  if (
    r.discovery !== undefined &&
    (typeof r.discovery !== 'number' || !(r.discovery >= 0 && r.discovery <= 1))
  )
    throw new PlaylistRequestError('discovery: must be a number between 0 and 1');
  const minPosition = r.minPosition ?? 0;
  if (typeof minPosition !== 'number' || !Number.isInteger(minPosition) || minPosition < 0)
    throw new PlaylistRequestError('minPosition: must be a whole number >= 0');
  const options: PlaylistRequestOptions = { size };
  if (r.exclude === 'played') options.exclude = 'played';
  const mood = optionalLabel(r.mood, 'mood');
  if (mood !== undefined) options.mood = mood;
  const activity = optionalLabel(r.activity, 'activity');
  if (activity !== undefined) options.activity = activity;
  if (r.hour !== undefined) options.hour = r.hour as number;
  if (r.discovery !== undefined) options.discovery = r.discovery as number;
  return { listenerId: r.listenerId, minPosition, options };
}
