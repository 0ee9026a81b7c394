import { listenerStreamId, parseEventData, type RecordedEvent } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';
import {
  DEFAULT_CONTEXT_LIMITS,
  emptyContext,
  nextContext,
  understand,
  type ContextLimits,
  type SessionContext,
  type Vocabulary,
} from '@qfzz/nlu';
import { readListenerTail } from '../learning/listenerTail';
import type { RememberedSession } from './sessionContexts';

export interface RecallOptions {
  limits?: ContextLimits;
  /** On a cold start, look at most this many events back for recent messages. Default 40. */
  lookBack?: number;
}

/**
 * The listener's session, up to date with their stream: what this replica
 * remembers, plus whatever was written since by others (a message handled by
 * another replica is understood again; a `DjChosen` or `TrackPlayed` updates
 * the DJ and the track playing). With nothing remembered (first message, a
 * restart, an evicted entry) it is rebuilt from the stream: the DJ choice and
 * the track playing from its tail, the context from the messages of the last
 * idle window. So a replica restart loses nothing but a little time.
 */
export async function recallSession(
  store: EventStore,
  listenerId: string,
  remembered: RememberedSession | undefined,
  vocabulary: Vocabulary,
  now: number,
  options: RecallOptions = {},
): Promise<RememberedSession> {
  const limits = options.limits ?? DEFAULT_CONTEXT_LIMITS;
  const streamId = listenerStreamId(listenerId);
  let session: RememberedSession;
  let from: number;
  if (remembered) {
    session = remembered;
    from = remembered.streamVersion + 1;
  } else {
    const tail = await readListenerTail(store, listenerId);
    session = {
      context: emptyContext(now),
      streamVersion: 0,
      ...(tail.djId ? { djId: tail.djId } : {}),
      ...(tail.lastPlayed ? { lastPlayed: tail.lastPlayed } : {}),
    };
    from = Math.max(1, tail.streamVersion - (options.lookBack ?? 40) + 1);
  }
  const events = await store.readStream(streamId, { fromVersion: from });
  if (events.length === 0) return { ...session, ownEventIds: [] };
  const own = new Set(session.ownEventIds ?? []);
  let context: SessionContext | undefined = session.context.turns.length > 0 ? session.context : undefined;
  const next: RememberedSession = { ...session, ownEventIds: [] };
  for (const event of events) {
    next.streamVersion = event.version;
    if (own.has(event.eventId)) continue;
    if (event.type === 'ListenerForgotten') {
      context = undefined;
      delete next.djId;
      delete next.lastPlayed;
      continue;
    }
    if (event.type === 'DjChosen') next.djId = (event.data as { djId?: string }).djId;
    if (event.type === 'TrackPlayed') {
      try {
        next.lastPlayed = parseEventData('TrackPlayed', event.schemaVersion, event.data).track;
      } catch {
        // An unreadable event is not the track playing.
      }
    }
    const text = messageText(event);
    if (text === undefined) continue;
    const at = Date.parse(event.metadata.occurredAt);
    if (Number.isNaN(at) || now - at > limits.expiresAfterMs) continue;
    context = nextContext(context, understand(text, vocabulary, context, { now: at, limits }), at, limits);
  }
  next.context = context ?? emptyContext(now);
  return next;
}

function messageText(event: RecordedEvent): string | undefined {
  if (event.type !== 'MessageSent') return undefined;
  try {
    return parseEventData('MessageSent', event.schemaVersion, event.data).text;
  } catch {
    return undefined;
  }
}
