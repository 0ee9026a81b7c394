import {
  PROFILE_SERVICE,
  ProfileQuery,
  type GetProfileRequest,
  type ListenerExistsRequest,
  type ProfileView,
} from '@qfzz/contracts';
import type { QueryBus, QueryResponder } from '@qfzz/messaging';
import { toProfileView } from './profileView';
import type { TasteProfileProjection } from './tasteProfileProjection';

/** Answers the profile queries on the bus; the same code in edge and cluster mode. */
export async function serveProfileQueries(
  queryBus: QueryBus,
  projection: TasteProfileProjection,
): Promise<QueryResponder[]> {
  return [
    await queryBus.respond<GetProfileRequest, ProfileView | null>(
      PROFILE_SERVICE,
      ProfileQuery.get,
      async ({ listenerId, minPosition }) => {
        const stored = await projection.getProfile(listenerId, minPosition ?? 0);
        return stored && !stored.profile.forgotten ? toProfileView(stored) : null;
      },
    ),
    await queryBus.respond<ListenerExistsRequest, boolean>(
      PROFILE_SERVICE,
      ProfileQuery.exists,
      ({ listenerId }) => projection.isActiveListener(listenerId),
    ),
  ];
}
