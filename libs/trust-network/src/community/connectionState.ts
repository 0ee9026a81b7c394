/**
 * Where a pair of listeners stands, folded from their `connection-<a>-<b>`
 * stream. `from` is always the listener who asked, `to` the one asked.
 */
export type ConnectionState =
  | { status: 'none' }
  | { status: 'pending'; from: string; to: string; since: string }
  | { status: 'connected'; from: string; to: string; since: string };

export const NO_CONNECTION: ConnectionState = { status: 'none' };

/** The part of a connection-stream event the fold reads (a `RecordedEvent` fits). */
export interface ConnectionEvent {
  type: string;
  data: unknown;
  metadata?: { occurredAt?: string; recordedAt?: string };
}

interface Pair {
  from: string;
  to: string;
}
interface Removal {
  by: string;
  other: string;
}

const isPair = (data: unknown): data is Pair =>
  typeof (data as Pair | null)?.from === 'string' && typeof (data as Pair | null)?.to === 'string';
const isRemoval = (data: unknown): data is Removal =>
  typeof (data as Removal | null)?.by === 'string' && typeof (data as Removal | null)?.other === 'string';

const at = (event: ConnectionEvent) =>
  event.metadata?.occurredAt ?? event.metadata?.recordedAt ?? new Date(0).toISOString();

/**
 * Pure: (state, event) -> state. Written events were decided against the
 * state before them (`decideCommunity`), so the fold trusts them; an event
 * that does not fit the state (hand-written, or from an older writer) is
 * applied in the way that keeps consent: nothing connects without an accept.
 */
export function evolveConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'CommunityRequested':
      if (!isPair(event.data) || state.status !== 'none') return state;
      return { status: 'pending', from: event.data.from, to: event.data.to, since: at(event) };
    case 'CommunityAccepted':
      if (!isPair(event.data) || state.status !== 'pending') return state;
      return { status: 'connected', from: state.from, to: state.to, since: at(event) };
    case 'CommunityDeclined':
      return state.status === 'pending' ? NO_CONNECTION : state;
    case 'CommunityRemoved':
      return isRemoval(event.data) ? NO_CONNECTION : state;
    default:
      return state;
  }
}

export function foldConnection(events: Iterable<ConnectionEvent>): ConnectionState {
  let state: ConnectionState = NO_CONNECTION;
  for (const event of events) state = evolveConnection(state, event);
  return state;
}

/** The far end of a connection from `listenerId`'s side; undefined when they are not part of it. */
export function partnerIn(state: ConnectionState, listenerId: string): string | undefined {
  if (state.status === 'none') return undefined;
  if (state.from === listenerId) return state.to;
  if (state.to === listenerId) return state.from;
  return undefined;
}
