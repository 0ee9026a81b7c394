import { createHash } from 'node:crypto';
import type { PlaylistRequestOptions } from './validatePlaylistRequest';

/** Every cached playlist of a listener starts with this (e.g. to drop them all when they are forgotten). */
export const playlistCachePrefix = (listenerId: string) => `playlist:${listenerId}:`;

/** A short, stable hash of the options: the same options in any key order give the same hash. */
export function playlistOptionsHash(options: PlaylistRequestOptions): string {
  const canonical = JSON.stringify(
    Object.keys(options)
      .sort()
      .map((key) => [key, options[key as keyof PlaylistRequestOptions]]),
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/**
 * `playlist:<listenerId>:<profileVersion>:<hash of the options>`. A new event
 * on the listener's stream bumps the profile version, so the next request
 * looks under a new key: no scan, no delete; the old entries expire.
 */
export function playlistCacheKey(
  listenerId: string,
  profileVersion: number,
  options: PlaylistRequestOptions,
): string {
  return `${playlistCachePrefix(listenerId)}${profileVersion}:${playlistOptionsHash(options)}`;
}
