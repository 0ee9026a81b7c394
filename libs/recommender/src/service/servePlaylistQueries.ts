import { PlaylistQuery, RECOMMENDER_SERVICE, type Playlist, type PlaylistRequest } from '@qfzz/contracts';
import type { QueryBus, QueryResponder } from '@qfzz/messaging';
import type { PlaylistService } from './playlistService';

/**
 * Answers `recommender.generate` on the bus, the same in edge and cluster
 * mode. A bad request fails with code `INVALID_ARGUMENT` (the gateway's 400),
 * an unknown listener with `NOT_FOUND` (404).
 */
export async function servePlaylistQueries(
  queryBus: QueryBus,
  service: PlaylistService,
): Promise<QueryResponder[]> {
  return [
    await queryBus.respond<PlaylistRequest, Playlist>(
      RECOMMENDER_SERVICE,
      PlaylistQuery.generate,
      (request) => service.generate(request),
    ),
  ];
}
