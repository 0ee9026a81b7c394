import {
  TRUST_SERVICE,
  TrustQuery,
  type ChainCheck,
  type CommunityView,
  type SocialSignal,
  type SocialSignalRequest,
  type TrustRequest,
  type TrustView,
} from '@qfzz/contracts';
import type { QueryBus, QueryResponder } from '@qfzz/messaging';
import type { TrustQueries } from './trustQueries';

interface ListenerRequest {
  listenerId: string;
}

/** Answers `qfzz.rpc.trust.{trust,community,verify,socialSignal}`; the same code in edge and cluster mode. */
export async function serveTrustQueries(
  queryBus: QueryBus,
  queries: TrustQueries,
): Promise<QueryResponder[]> {
  return [
    await queryBus.respond<TrustRequest, TrustView>(
      TRUST_SERVICE,
      TrustQuery.trust,
      async ({ listenerId, minPosition }) => {
        await queries.caughtUpTo(minPosition);
        return queries.trust(listenerId);
      },
    ),
    await queryBus.respond<TrustRequest, CommunityView>(
      TRUST_SERVICE,
      TrustQuery.community,
      async ({ listenerId, minPosition }) => {
        await queries.caughtUpTo(minPosition);
        return queries.community(listenerId);
      },
    ),
    await queryBus.respond<ListenerRequest, ChainCheck>(TRUST_SERVICE, TrustQuery.verify, ({ listenerId }) =>
      queries.verify(listenerId),
    ),
    await queryBus.respond<SocialSignalRequest, SocialSignal>(
      TRUST_SERVICE,
      TrustQuery.socialSignal,
      (request) => queries.socialSignal(request),
    ),
  ];
}
