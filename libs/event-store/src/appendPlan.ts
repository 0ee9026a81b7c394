import {
  copyWith,
  GENESIS_HASH,
  hashEvent,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
} from '@qfzz/domain';
import type { AppendResult } from './eventStore';
import { EventIdConflictError, ExpectedVersionConflictError, InvalidAppendError } from './errors';
import { ANY_VERSION, matchesExpectedVersion, type ExpectedVersion } from './expectedVersion';

/**
 * The store-independent half of an append: checks, idempotency and the hash
 * chain. Adapters only fetch the stream head, take positions and write.
 */
export interface StreamHead {
  version: number;
  hash: string;
}

export const EMPTY_STREAM_HEAD: StreamHead = { version: 0, hash: GENESIS_HASH };

export function assertAppendable(streamId: string, events: readonly NewEvent[]): void {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new InvalidAppendError('streamId is required');
  if (events.length === 0) throw new InvalidAppendError(`Stream ${streamId}: nothing to append`);
  const seen = new Set<string>();
  for (const [index, event] of events.entries()) {
    if (typeof event.eventId !== 'string' || event.eventId.length === 0) {
      throw new InvalidAppendError(`events[${index}].eventId is required`);
    }
    if (seen.has(event.eventId))
      throw new InvalidAppendError(`events[${index}].eventId ${event.eventId} repeats`);
    seen.add(event.eventId);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidAppendError(`events[${index}].type is required`);
    }
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppendError(`events[${index}].schemaVersion must be an integer >= 1`);
    }
  }
}

/**
 * Decides what to do with event ids that are already in the log: a retry of
 * the same append returns the stored events; anything else is a conflict.
 * Returns the stored events for a retry, or undefined when every id is new.
 */
export function resolveRetry(
  streamId: string,
  events: readonly NewEvent[],
  alreadyStored: readonly RecordedEvent[],
): RecordedEvent[] | undefined {
  if (alreadyStored.length === 0) return undefined;
  const foreign = alreadyStored.filter((stored) => stored.streamId !== streamId);
  if (foreign.length > 0) {
    throw new EventIdConflictError(
      streamId,
      foreign.map((e) => e.eventId),
      'already belong to another stream',
    );
  }
  if (alreadyStored.length !== events.length) {
    throw new EventIdConflictError(
      streamId,
      alreadyStored.map((e) => e.eventId),
      'are already in the stream, while others in the same append are not',
    );
  }
  const byId = new Map(alreadyStored.map((e) => [e.eventId, e]));
  return events.map((e) => byId.get(e.eventId) as RecordedEvent);
}

export function checkExpectedVersion(
  streamId: string,
  head: StreamHead,
  expected: ExpectedVersion = ANY_VERSION,
) {
  if (!matchesExpectedVersion(head.version, expected)) {
    throw new ExpectedVersionConflictError(streamId, expected, head.version);
  }
}

/** Gives each new event its version, position, recordedAt and its link in the chain. */
export function recordEvents(
  streamId: string,
  head: StreamHead,
  events: readonly NewEvent[],
  firstPosition: number,
  recordedAt: string,
): RecordedEvent[] {
  let prevHash = head.hash;
  return events.map((event, index) => {
    // Object.assign, not `{ ...spread, more }`: see copyWith in @qfzz/domain.
    const metadata: EventMetadata = copyWith(event.metadata, {
      occurredAt: event.metadata?.occurredAt ?? recordedAt,
      recordedAt,
    });
    const content = {
      eventId: event.eventId,
      streamId,
      version: head.version + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata,
    };
    const hash = hashEvent(prevHash, content);
    // Written out, in the order the stores read rows back: every event then has one shape.
    const recorded: RecordedEvent = {
      eventId: content.eventId,
      streamId,
      version: content.version,
      position: firstPosition + index,
      type: content.type,
      schemaVersion: content.schemaVersion,
      data: content.data,
      metadata,
      prevHash,
      hash,
    };
    prevHash = hash;
    return recorded;
  });
}

export function appendResult(
  streamId: string,
  events: RecordedEvent[],
  alreadyAppended: boolean,
): AppendResult {
  const last = events[events.length - 1];
  return {
    streamId,
    nextExpectedVersion: last.version,
    lastPosition: last.position,
    events,
    alreadyAppended,
  };
}
