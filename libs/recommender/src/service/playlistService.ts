import type { HotCache } from '@qfzz/cache';
import type { Playlist, PlaylistTrack } from '@qfzz/contracts';
import { initialTasteProfile, type TasteProfile } from '@qfzz/domain';
import type { PlaylistGenerator } from '../ranking/playlistGenerator';
import { playlistCacheKey } from './playlistCacheKey';
import { PlaylistRequestError } from './playlistRequestError';
import type { SocialSignalSource } from './socialSignalSource';
import { validatePlaylistRequest } from './validatePlaylistRequest';

/** A listener's profile at a stream version (`TasteProfileProjection.getProfile` fits). */
export interface ProfileSource {
  getProfile(
    listenerId: string,
    minPosition?: number,
  ): Promise<{ profile: TasteProfile; version: number } | undefined>;
}

export interface PlaylistServiceDeps {
  generator: PlaylistGenerator;
  profiles: ProfileSource;
  /** Playlists by profile version; none = always generate. */
  cache?: HotCache;
  /** Friends' likes; none = no social signal. */
  social?: SocialSignalSource;
  /**
   * `false` (`QFZZ_PERSONALIZATION=off`): every listener gets the same
   * non-personalised playlist for the same options — a neutral profile, no
   * friends, one seed. Default true.
   */
  personalization?: boolean;
  /** Bounds how stale co-listening and friends' likes in a cached playlist can be. Default 10 min. */
  cacheTtlSeconds?: number;
  now?: () => Date;
}

export interface PlaylistServiceStats {
  hits: number;
  misses: number;
}

export const DEFAULT_PLAYLIST_TTL_SECONDS = 10 * 60;

/** Whose taste a non-personalised playlist follows: nobody's. */
const EVERYONE = 'everyone';

/**
 * Playlists for listeners: validates the request, reads the profile (at
 * least as fresh as `minPosition`), answers from the cache when the same
 * options were asked at the same profile version, else generates and caches.
 *
 * The cache entry's version is the catalog's log position: a replica whose
 * catalog moved on since the entry was written regenerates, and `setIfNewer`
 * keeps the newer entry when replicas race.
 */
export class PlaylistService {
  private readonly counts: PlaylistServiceStats = { hits: 0, misses: 0 };

  constructor(private readonly deps: PlaylistServiceDeps) {}

  get stats(): PlaylistServiceStats {
    return { ...this.counts };
  }

  async generate(request: unknown): Promise<Playlist> {
    const { listenerId, minPosition, options } = validatePlaylistRequest(request);
    const stored = await this.deps.profiles.getProfile(listenerId, minPosition);
    if (!stored || stored.profile.forgotten)
      throw new PlaylistRequestError(`no listener ${listenerId}`, 'NOT_FOUND');

    const { cache, generator } = this.deps;
    const key = playlistCacheKey(listenerId, stored.version, options);
    const catalogPosition = generator.index.position;
    if (cache) {
      const hit = await cache.get<Playlist>(key);
      if (hit && hit.version >= catalogPosition) {
        this.counts.hits++;
        return hit.value;
      }
    }
    this.counts.misses++;

    const personal = this.deps.personalization ?? true;
    // Connections live in connection streams, not in the taste profile: ask the trust network every time.
    const social = personal && this.deps.social ? await this.deps.social(listenerId) : [];
    const picks = personal
      ? generator.generate(stored.profile, options, { social })
      : generator.generate(
          initialTasteProfile(EVERYONE, stored.profile.createdAt),
          { ...options, seed: 1 },
          { social },
        );
    const playlist: Playlist = {
      tracks: picks.map(
        ({ trackId, title, artist, genre, score, reason, discovery }): PlaylistTrack => ({
          trackId,
          title,
          artist,
          genre,
          score,
          reason,
          discovery,
        }),
      ),
      generatedAt: (this.deps.now?.() ?? new Date()).toISOString(),
      profileVersion: stored.version,
    };
    if (cache)
      await cache
        .setIfNewer(
          key,
          { version: catalogPosition, value: playlist },
          this.deps.cacheTtlSeconds ?? DEFAULT_PLAYLIST_TTL_SECONDS,
        )
        .catch(() => false); // a cache that cannot take the write costs a regeneration, not the answer
    return playlist;
  }
}
