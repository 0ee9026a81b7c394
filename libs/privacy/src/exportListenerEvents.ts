import { listenerStreamId, type RecordedEvent } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';

export interface ListenerExport {
  listenerId: string;
  events: RecordedEvent[];
  /** Set when there are more events: ask again from this version. */
  nextFromVersion?: number;
}

/**
 * A listener's own events, readable (`GET /v1/listeners/{id}/events`). Read
 * through the `EncryptingEventStore`: while the key exists the data comes
 * back decrypted; after forgetting, older events come back `Redacted`.
 */
export async function exportListenerEvents(
  store: EventStore,
  listenerId: string,
  { fromVersion = 1, limit = 1000 }: { fromVersion?: number; limit?: number } = {},
): Promise<ListenerExport> {
  const events = await store.readStream(listenerStreamId(listenerId), { fromVersion, limit: limit + 1 });
  const page = events.slice(0, limit);
  return {
    listenerId,
    events: page,
    ...(events.length > limit ? { nextFromVersion: page[page.length - 1].version + 1 } : {}),
  };
}
