import { FEEDBACK_EVENT_TYPES, isFeedbackEventType, listenerStreamId, parseEventData } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';
import type { Reaction } from './listenerInsights';

const WINDOW = 100;

/**
 * The listener's latest `count` track reactions, oldest first, read backwards
 * from the end of their stream (a listener with a long history is not read
 * whole). Stops at a `ListenerForgotten`: nothing before it is theirs any more.
 */
export async function recentReactions(
  store: EventStore,
  listenerId: string,
  streamVersion: number,
  count: number,
): Promise<Reaction[]> {
  const found: Reaction[] = [];
  const streamId = listenerStreamId(listenerId);
  let end = streamVersion;
  while (end >= 1 && found.length < count) {
    const from = Math.max(1, end - WINDOW + 1);
    const events = await store.readStream(streamId, { fromVersion: from, limit: end - from + 1 });
    for (let i = events.length - 1; i >= 0 && found.length < count; i--) {
      const event = events[i];
      if (event.type === 'ListenerForgotten') return found.reverse();
      if (!isFeedbackEventType(event.type)) continue;
      const type = FEEDBACK_EVENT_TYPES[event.type];
      if (type === 'rate') {
        const { rating } = parseEventData('TrackRated', event.schemaVersion, event.data);
        found.push({ type, rating });
      } else found.push({ type });
    }
    end = from - 1;
  }
  return found.reverse();
}
