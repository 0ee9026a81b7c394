import { ID_RULE, isValidId } from './ids';

/** One stream per aggregate, as ARCHITECTURE.md names them. */
export type StreamKind = 'listener' | 'connection' | 'catalog';

export type ParsedStreamId =
  | { kind: 'listener'; ids: [listenerId: string] }
  | { kind: 'connection'; ids: [lower: string, higher: string] }
  | { kind: 'catalog'; ids: [] };

export const LISTENER_STREAM_PREFIX = 'listener-';
export const CONNECTION_STREAM_PREFIX = 'connection-';
export const CATALOG_STREAM_ID = 'catalog';

export class InvalidStreamIdError extends Error {
  override readonly name = 'InvalidStreamIdError';
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(`invalid stream id "${streamId}": ${reason}`);
  }
}

function assertId(id: string, what: string): void {
  if (!isValidId(id)) throw new InvalidStreamIdError(String(id), `${what} must be ${ID_RULE}`);
}

export function listenerStreamId(listenerId: string): string {
  assertId(listenerId, 'listener id');
  return LISTENER_STREAM_PREFIX + listenerId;
}

/**
 * Both listeners must find the same stream whoever asked first, so the pair is
 * ordered (plain code-unit order, the same in every runtime) before joining.
 */
export function connectionStreamId(a: string, b: string): string {
  assertId(a, 'listener id');
  assertId(b, 'listener id');
  if (a === b)
    throw new InvalidStreamIdError(
      `${CONNECTION_STREAM_PREFIX}${a}-${b}`,
      'a listener cannot connect to itself',
    );
  const [lower, higher] = a < b ? [a, b] : [b, a];
  return `${CONNECTION_STREAM_PREFIX}${lower}-${higher}`;
}

/** Routing by kind never needs the ids, so it cannot fail on an ambiguous connection id. */
export function streamKindOf(streamId: string): StreamKind | undefined {
  if (streamId === CATALOG_STREAM_ID) return 'catalog';
  if (streamId.startsWith(LISTENER_STREAM_PREFIX)) return 'listener';
  if (streamId.startsWith(CONNECTION_STREAM_PREFIX)) return 'connection';
  return undefined;
}

/**
 * Ids may themselves contain `-`, so `connection-a-b-c` can be read more than
 * one way. Every split that `connectionStreamId` could have produced is a
 * candidate; exactly one must remain, otherwise the id is refused rather than
 * guessed. Readers that need the pair of an ambiguous stream take it from the
 * events' `from`/`to`, or compare with `connectionStreamId(a, b)`.
 */
export function parseStreamId(streamId: string): ParsedStreamId {
  if (streamId === CATALOG_STREAM_ID) return { kind: 'catalog', ids: [] };
  if (streamId.startsWith(LISTENER_STREAM_PREFIX)) {
    const listenerId = streamId.slice(LISTENER_STREAM_PREFIX.length);
    if (!isValidId(listenerId)) throw new InvalidStreamIdError(streamId, `listener id must be ${ID_RULE}`);
    return { kind: 'listener', ids: [listenerId] };
  }
  if (streamId.startsWith(CONNECTION_STREAM_PREFIX)) {
    const pair = streamId.slice(CONNECTION_STREAM_PREFIX.length);
    const candidates: [string, string][] = [];
    for (let at = pair.indexOf('-'); at !== -1; at = pair.indexOf('-', at + 1)) {
      const lower = pair.slice(0, at);
      const higher = pair.slice(at + 1);
      if (isValidId(lower) && isValidId(higher) && lower < higher) candidates.push([lower, higher]);
    }
    if (candidates.length === 1) return { kind: 'connection', ids: candidates[0] };
    throw new InvalidStreamIdError(
      streamId,
      candidates.length === 0
        ? 'expected connection-<a>-<b> with two different ids, the lower first'
        : `ambiguous: ${candidates.map(([l, h]) => `(${l}, ${h})`).join(' or ')}`,
    );
  }
  throw new InvalidStreamIdError(
    streamId,
    `expected ${LISTENER_STREAM_PREFIX}<id>, ${CONNECTION_STREAM_PREFIX}<a>-<b> or ${CATALOG_STREAM_ID}`,
  );
}
