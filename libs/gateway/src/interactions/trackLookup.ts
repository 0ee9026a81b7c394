import { Inject, Injectable } from '@nestjs/common';
import { CATALOG_SERVICE, CatalogQuery, type GetTracksRequest, type GetTracksResult } from '@qfzz/contracts';
import type { CatalogTrack, TrackSnapshot } from '@qfzz/domain';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';

/**
 * Ids asked for in one request to the catalog. Large enough that a full
 * history import is ten requests, small enough that an answer with every
 * track's features stays under NATS's default 1 MB payload in cluster mode.
 */
export const TRACK_LOOKUP_CHUNK = 1000;

/** Looks tracks up in the catalog service (`catalog.getTracks`). */
@Injectable()
export class TrackLookup {
  constructor(@Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps) {}

  async find(trackIds: readonly string[]): Promise<{ tracks: Map<string, CatalogTrack>; missing: string[] }> {
    const unique = [...new Set(trackIds)];
    const tracks = new Map<string, CatalogTrack>();
    const missing: string[] = [];
    for (let i = 0; i < unique.length; i += TRACK_LOOKUP_CHUNK) {
      const answer = await this.deps.queryBus.request<GetTracksRequest, GetTracksResult>(
        CATALOG_SERVICE,
        CatalogQuery.getTracks,
        { trackIds: unique.slice(i, i + TRACK_LOOKUP_CHUNK) },
        { timeoutMs: this.deps.queryTimeoutMs },
      );
      for (const track of answer.tracks) tracks.set(track.trackId, track);
      missing.push(...answer.missing);
    }
    return { tracks, missing };
  }
}

/** What an interaction event carries about its track (ADR 0002). */
export function snapshotOf(track: CatalogTrack): TrackSnapshot {
  // Written out rather than `{ ...(a), ...(b) }`: see `copyWith` in @qfzz/domain.
  const snapshot: TrackSnapshot = { trackId: track.trackId, genre: track.genre, artist: track.artist };
  if (track.mood !== undefined) snapshot.mood = track.mood;
  if (track.energy !== undefined) snapshot.energy = track.energy;
  if (track.tempo !== undefined) snapshot.tempo = track.tempo;
  return snapshot;
}
