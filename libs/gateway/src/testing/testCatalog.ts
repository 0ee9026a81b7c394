import {
  CATALOG_SERVICE,
  CatalogQuery,
  type CatalogStats,
  type CatalogVocabulary,
  type GetTracksRequest,
  type GetTracksResult,
  type SearchTracksRequest,
  type TrackPage,
} from '@qfzz/contracts';
import type { CatalogTrack } from '@qfzz/domain';
import type { QueryBus, QueryResponder } from '@qfzz/messaging';

/**
 * TEST WIRING, not the catalog service: answers the catalog queries on a
 * real query bus from a fixed list of tracks, so gateway tests do not wait
 * for `libs/catalog`. Search is a plain filter with an offset cursor.
 */
export async function serveTestCatalog(
  queryBus: QueryBus,
  tracks: readonly CatalogTrack[],
): Promise<QueryResponder[]> {
  const byId = new Map(tracks.map((t) => [t.trackId, t]));
  return [
    await queryBus.respond<GetTracksRequest, GetTracksResult>(
      CATALOG_SERVICE,
      CatalogQuery.getTracks,
      ({ trackIds }) => ({
        tracks: trackIds.flatMap((id) => (byId.has(id) ? [byId.get(id) as CatalogTrack] : [])),
        missing: trackIds.filter((id) => !byId.has(id)),
      }),
    ),
    await queryBus.respond<SearchTracksRequest, TrackPage>(
      CATALOG_SERVICE,
      CatalogQuery.search,
      (request) => {
        const q = request.q?.toLowerCase();
        const matching = tracks.filter(
          (t) =>
            (!request.genre || t.genre === request.genre.toLowerCase()) &&
            (!request.artist || t.artist === request.artist) &&
            (!q || t.title.toLowerCase().includes(q) || t.artist.toLowerCase().includes(q)),
        );
        const offset = Number(request.cursor ?? 0) || 0;
        const limit = request.limit ?? 20;
        const page = matching.slice(offset, offset + limit);
        return {
          tracks: page,
          ...(offset + limit < matching.length ? { nextCursor: String(offset + limit) } : {}),
        };
      },
    ),
    await queryBus.respond<object, CatalogVocabulary>(CATALOG_SERVICE, CatalogQuery.vocabulary, () => ({
      genres: [...new Set(tracks.map((t) => t.genre))],
      artists: [...new Set(tracks.map((t) => t.artist))],
    })),
    await queryBus.respond<object, CatalogStats>(CATALOG_SERVICE, CatalogQuery.stats, () => ({
      tracks: tracks.length,
      genres: new Set(tracks.map((t) => t.genre)).size,
      artists: new Set(tracks.map((t) => t.artist)).size,
      position: 0,
    })),
  ];
}

/** A small catalog for tests: ids `t1`..`tN` over a few genres and artists. */
export function testTracks(count = 12): CatalogTrack[] {
  const genres = ['jazz', 'rock', 'electronic', 'hip-hop'];
  const artists = ['Miles Davis', 'Queen', 'Daft Punk', 'Nas'];
  const moods = ['calm', 'energetic', 'happy', 'focused'];
  return Array.from({ length: count }, (_, i) => ({
    trackId: `t${i + 1}`,
    title: `Track ${i + 1}`,
    artist: artists[i % 4],
    genre: genres[i % 4],
    mood: moods[i % 4],
    energy: ((i % 10) + 0.5) / 10,
    tempo: (['slow', 'medium', 'fast'] as const)[i % 3],
  }));
}
