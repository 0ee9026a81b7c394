import type { HotCache } from '@qfzz/cache';
import type { RecordedEvent } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';
import type { EventBus, QueryBus, QueryResponder, RunningConsumer } from '@qfzz/messaging';
import type { ProfileReadModels } from '../profileReadModel';
import { serveProfileQueries } from '../serveProfileQueries';
import { TasteProfileProjection } from '../tasteProfileProjection';

/** Replicas with this durable name share the listener events between them. */
export const PROFILE_PROJECTION_DURABLE = 'profile-projection';

export interface ProfileProjectionWorkerDeps {
  store: EventStore;
  bus: EventBus;
  readModels: ProfileReadModels;
  queryBus?: QueryBus;
  cache?: HotCache;
  ackWaitMs?: number;
  maxDeliver?: number;
  onError?: (error: unknown) => void;
  /** Opens an event the bus carried as the log stores it (sealed personal data); identity by default. */
  reveal?: (event: RecordedEvent) => Promise<RecordedEvent>;
}

export interface RunningProfileProjection {
  projection: TasteProfileProjection;
  stop(): Promise<void>;
}

/**
 * One cluster-mode replica: consumes listener events from the bus (competing
 * with the other replicas), folds them into the shared read model, writes hot
 * profiles through to the cache and answers profile queries.
 */
export async function startProfileProjectionWorker(
  deps: ProfileProjectionWorkerDeps,
): Promise<RunningProfileProjection> {
  const projection = new TasteProfileProjection(deps.store, deps.readModels.live(), { cache: deps.cache });
  const consumer: RunningConsumer = await deps.bus.consume({
    durableName: PROFILE_PROJECTION_DURABLE,
    streamKind: 'listener',
    ackWaitMs: deps.ackWaitMs,
    maxDeliver: deps.maxDeliver,
    onError: deps.onError,
    handle: async (event) => {
      await projection.apply(deps.reveal ? await deps.reveal(event) : event);
    },
  });
  const responders: QueryResponder[] = deps.queryBus
    ? await serveProfileQueries(deps.queryBus, projection)
    : [];
  return {
    projection,
    async stop() {
      await consumer.stop();
      for (const responder of responders) await responder.stop();
    },
  };
}
