import { CatchUpSubscription, type EventStore } from '@qfzz/event-store';
import type { CommunityGraph } from '../graph/communityGraph';

/**
 * Edge mode: follows the local log from position 0 (the graph lives in
 * memory) and applies listener and connection events in log order.
 * Pass the store readers use (the decrypting one when personal data is sealed).
 */
export function followLogIntoCommunityGraph(
  store: EventStore,
  graph: CommunityGraph,
  onError: (error: unknown) => void = (error) => console.error('[trust-network]', error),
): CatchUpSubscription {
  return new CatchUpSubscription(store, {
    after: 0,
    handle: async (events) => {
      for (const event of events) await graph.apply(event);
    },
    onError,
  }).start();
}
