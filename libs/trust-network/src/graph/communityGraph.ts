import { CONNECTION_STREAM_PREFIX, LISTENER_STREAM_PREFIX, type RecordedEvent } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';
import {
  evolveConnection,
  NO_CONNECTION,
  partnerIn,
  type ConnectionState,
} from '../community/connectionState';
import { evolveListenerActivity, newListenerActivity, type ListenerActivity } from './listenerActivity';

export type GraphApplyOutcome = 'applied' | 'already-applied' | 'ignored';

export interface CommunityGraphOptions {
  /** Where a version gap is filled from (a redelivered or out-of-order bus event). */
  store?: Pick<EventStore, 'readStream'>;
}

/** A connection seen from one listener's side. */
export interface Tie {
  listenerId: string;
  status: 'pending' | 'connected';
  /** For a pending request: who asked. */
  direction?: 'incoming' | 'outgoing';
  since: string;
}

/**
 * The trust network's projection: each listener's trust-relevant activity
 * and every connection, folded from listener and connection streams.
 * Idempotent and ordered per stream (it keeps the last version applied per
 * stream; a repeat is a no-op, a gap is filled by reading the stream), so
 * the log follower (edge) and a JetStream durable (cluster) end where a
 * replay from scratch does. Held in memory; rebuilt from the log at start.
 */
export class CommunityGraph {
  private readonly versions = new Map<string, number>();
  private readonly listeners = new Map<string, ListenerActivity>();
  private readonly connections = new Map<string, ConnectionState>();
  /** listener id -> connection stream ids they are part of (pending or connected). */
  private readonly ties = new Map<string, Set<string>>();
  private lastPosition = 0;

  constructor(private readonly options: CommunityGraphOptions = {}) {}

  /** The highest log position applied so far. */
  get position(): number {
    return this.lastPosition;
  }

  async apply(event: RecordedEvent): Promise<GraphApplyOutcome> {
    const isListener = event.streamId.startsWith(LISTENER_STREAM_PREFIX);
    if (!isListener && !event.streamId.startsWith(CONNECTION_STREAM_PREFIX)) return 'ignored';
    const applied = this.versions.get(event.streamId) ?? 0;
    if (event.version <= applied) return 'already-applied';
    let pending = [event];
    if (event.version > applied + 1) {
      if (!this.options.store) {
        throw new Error(
          `${event.streamId}: got version ${event.version} after ${applied} and no store to fill the gap from`,
        );
      }
      pending = await this.options.store.readStream(event.streamId, {
        fromVersion: applied + 1,
        limit: event.version - applied,
      });
    }
    for (const next of pending) this.applyInOrder(next);
    return 'applied';
  }

  /** For a synchronous follower that hands events in log order (a replay). */
  applyInOrder(event: RecordedEvent): void {
    const applied = this.versions.get(event.streamId) ?? 0;
    if (event.version <= applied) return;
    if (event.version !== applied + 1) {
      throw new Error(`${event.streamId}: expected version ${applied + 1}, got ${event.version}`);
    }
    if (event.streamId.startsWith(LISTENER_STREAM_PREFIX)) {
      const listenerId = event.streamId.slice(LISTENER_STREAM_PREFIX.length);
      const activity = this.listeners.get(listenerId) ?? newListenerActivity(listenerId);
      evolveListenerActivity(activity, event);
      this.listeners.set(listenerId, activity);
    } else {
      this.applyConnectionEvent(event);
    }
    this.versions.set(event.streamId, event.version);
    if (event.position > this.lastPosition) this.lastPosition = event.position;
  }

  private applyConnectionEvent(event: RecordedEvent) {
    const before = this.connections.get(event.streamId) ?? NO_CONNECTION;
    const after = evolveConnection(before, event);
    if (after === before) return;
    for (const side of sidesOf(before)) this.ties.get(side)?.delete(event.streamId);
    if (after.status === 'none') {
      this.connections.delete(event.streamId);
      return;
    }
    this.connections.set(event.streamId, after);
    for (const side of sidesOf(after)) {
      const set = this.ties.get(side) ?? new Set<string>();
      set.add(event.streamId);
      this.ties.set(side, set);
    }
  }

  /** undefined for a listener the log never registered. */
  activityOf(listenerId: string): Readonly<ListenerActivity> | undefined {
    return this.listeners.get(listenerId);
  }

  /** Every pending request and connection this listener is part of, from their side. */
  tiesOf(listenerId: string): Tie[] {
    const result: Tie[] = [];
    for (const streamId of this.ties.get(listenerId) ?? []) {
      const state = this.connections.get(streamId);
      const other = state && partnerIn(state, listenerId);
      if (!state || state.status === 'none' || other === undefined) continue;
      result.push(
        state.status === 'connected'
          ? { listenerId: other, status: 'connected', since: state.since }
          : {
              listenerId: other,
              status: 'pending',
              direction: state.from === listenerId ? 'outgoing' : 'incoming',
              since: state.since,
            },
      );
    }
    return result.sort((x, y) => x.listenerId.localeCompare(y.listenerId));
  }

  /** The listeners this one is connected to (accepted, not removed). */
  connectionsOf(listenerId: string): string[] {
    return this.tiesOf(listenerId)
      .filter((tie) => tie.status === 'connected')
      .map((tie) => tie.listenerId);
  }
}

function sidesOf(state: ConnectionState): string[] {
  return state.status === 'none' ? [] : [state.from, state.to];
}
