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
import type { QueryBus, QueryResponder } from '@qfzz/messaging';
import { CatalogQueryError } from '../index/catalogQueryError';
import type { CatalogIndex } from '../index/catalogIndex';

/** The most ids one `getTracks` may ask for (the size of the largest history import). */
export const MAX_GET_TRACKS = 10_000;

/**
 * Answers the catalog's four queries (`@qfzz/contracts` catalogQueries) from
 * the index; the same code in edge and cluster mode. A bad request fails
 * with code `INVALID_ARGUMENT` and a message naming the field.
 */
export async function serveCatalogQueries(
  queryBus: QueryBus,
  index: CatalogIndex,
): Promise<QueryResponder[]> {
  return [
    await queryBus.respond<GetTracksRequest, GetTracksResult>(
      CATALOG_SERVICE,
      CatalogQuery.getTracks,
      (request) => {
        const trackIds = (request as Partial<GetTracksRequest> | null)?.trackIds;
        if (!Array.isArray(trackIds) || trackIds.some((id) => typeof id !== 'string'))
          throw new CatalogQueryError('trackIds: must be a list of track ids');
        if (trackIds.length > MAX_GET_TRACKS)
          throw new CatalogQueryError(`trackIds: at most ${MAX_GET_TRACKS} a request`);
        return index.get(trackIds);
      },
    ),
    await queryBus.respond<SearchTracksRequest, TrackPage>(CATALOG_SERVICE, CatalogQuery.search, (request) =>
      index.search(request ?? {}),
    ),
    await queryBus.respond<Record<string, never>, CatalogVocabulary>(
      CATALOG_SERVICE,
      CatalogQuery.vocabulary,
      () => index.vocabulary(),
    ),
    await queryBus.respond<Record<string, never>, CatalogStats>(CATALOG_SERVICE, CatalogQuery.stats, () =>
      index.stats(),
    ),
  ];
}
