import { hostname } from 'node:os';
import type { RecordedEvent } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';
import type { EventBus, QueryBus, QueryResponder, RunningConsumer } from '@qfzz/messaging';
import { CommunityCommands } from '../community/communityCommands';
import { CommunityGraph } from '../graph/communityGraph';
import { serveTrustQueries } from '../queries/serveTrustQueries';
import { TrustQueries, type ChainSource } from '../queries/trustQueries';

export interface TrustNetworkWorkerDeps {
  /** What the graph reads (catch-up and gap filling): the decrypting store when data is sealed. */
  store: EventStore;
  /** Where `verify` reads streams as stored; default `store`. */
  chainSource?: ChainSource;
  bus: EventBus;
  queryBus?: QueryBus;
  /**
   * Every replica keeps the whole graph in memory, so every replica must see
   * every event: the durable is per replica (`trust-network-<replicaId>`),
   * not shared. Default: the host name (stable for a StatefulSet pod).
   */
  replicaId?: string;
  /** Turns an event as the bus carries it (sealed) into what readers see. Default: as is. */
  reveal?: (event: RecordedEvent) => Promise<RecordedEvent>;
  /** Fold the log before consuming the bus, so start-up does not depend on the bus's retention. Default true. */
  catchUpFromLog?: boolean;
  ackWaitMs?: number;
  maxDeliver?: number;
  onError?: (error: unknown) => void;
}

export interface RunningTrustNetwork {
  graph: CommunityGraph;
  queries: TrustQueries;
  commands: CommunityCommands;
  durableName: string;
  stop(): Promise<void>;
}

export const TRUST_NETWORK_DURABLE_PREFIX = 'trust-network-';

/** One cluster-mode replica: folds the log, then follows JetStream, and answers trust queries. */
export async function startTrustNetworkWorker(deps: TrustNetworkWorkerDeps): Promise<RunningTrustNetwork> {
  const graph = new CommunityGraph({ store: deps.store });
  if (deps.catchUpFromLog ?? true) {
    for (let after = 0; ; ) {
      const batch = await deps.store.readAll({ after, limit: 5000 });
      if (batch.nextPosition === after) break;
      for (const event of batch.events) await graph.apply(event);
      after = batch.nextPosition;
    }
  }
  const durableName = `${TRUST_NETWORK_DURABLE_PREFIX}${(deps.replicaId ?? hostname()).replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const reveal = deps.reveal ?? (async (event: RecordedEvent) => event);
  const consumer: RunningConsumer = await deps.bus.consume({
    durableName,
    ackWaitMs: deps.ackWaitMs,
    maxDeliver: deps.maxDeliver,
    onError: deps.onError,
    handle: async (event) => {
      if (event.streamId === 'catalog') return;
      await graph.apply(await reveal(event));
    },
  });
  const queries = new TrustQueries(graph, deps.chainSource ?? deps.store);
  const responders: QueryResponder[] = deps.queryBus ? await serveTrustQueries(deps.queryBus, queries) : [];
  return {
    graph,
    queries,
    commands: new CommunityCommands(deps.store),
    durableName,
    async stop() {
      await consumer.stop();
      for (const responder of responders) await responder.stop();
    },
  };
}
