import {
  isFeedbackEventType,
  listenerStreamId,
  parseEventData,
  type RecordedEvent,
  type TrackSnapshot,
} from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';

/** What the DJ reads from the end of a listener's stream. */
export interface ListenerTail {
  streamVersion: number;
  /** The latest `DjChosen` within the window. */
  djId?: string;
  /** The track playing now: the latest `TrackPlayed`, as the event's snapshot. */
  lastPlayed?: TrackSnapshot;
  /** Distinct UTC days with a track reaction or a message, within the window. */
  activeDays: number;
}

export interface ListenerTailOptions {
  /** Read at most this many events back (default 2,000). */
  maxEvents?: number;
  /** Events per read (default 200). */
  window?: number;
}

/**
 * Reads a listener's stream backwards in windows (a long history is not read
 * whole) and stops at `ListenerForgotten`: nothing before it is theirs any
 * more. Used for what the profile view does not carry (see README).
 */
export async function readListenerTail(
  store: EventStore,
  listenerId: string,
  options: ListenerTailOptions = {},
): Promise<ListenerTail> {
  const maxEvents = options.maxEvents ?? 2000;
  const window = options.window ?? 200;
  const streamId = listenerStreamId(listenerId);
  const streamVersion = await store.streamVersion(streamId);
  const tail: ListenerTail = { streamVersion, activeDays: 0 };
  const days = new Set<string>();
  let end = streamVersion;
  const stop = Math.max(1, streamVersion - maxEvents + 1);
  scan: while (end >= stop) {
    const from = Math.max(stop, end - window + 1);
    const events = await store.readStream(streamId, { fromVersion: from, limit: end - from + 1 });
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i];
      if (event.type === 'ListenerForgotten') break scan;
      note(tail, days, event);
    }
    end = from - 1;
  }
  tail.activeDays = days.size;
  return tail;
}

function note(tail: ListenerTail, days: Set<string>, event: RecordedEvent): void {
  if (event.type === 'DjChosen' && tail.djId === undefined) {
    tail.djId = (event.data as { djId?: string }).djId;
  }
  if (event.type === 'TrackPlayed' && tail.lastPlayed === undefined) {
    try {
      tail.lastPlayed = parseEventData('TrackPlayed', event.schemaVersion, event.data).track;
    } catch {
      // An unreadable event is not the track playing.
    }
  }
  if (isFeedbackEventType(event.type) || event.type === 'MessageSent') {
    const day = (event.metadata.occurredAt ?? '').slice(0, 10);
    if (day) days.add(day);
  }
}
