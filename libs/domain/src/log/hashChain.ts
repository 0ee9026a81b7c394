import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical';
import type { RecordedEvent } from './recordedEvent';

/** The `prevHash` of the first event in every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The part of an event the chain protects. `position` is left out on purpose:
 * it orders the global log and a store may assign it after the stream's order
 * is fixed; the chain proves the stream's own history.
 */
export type HashedContent = Pick<
  RecordedEvent,
  'eventId' | 'streamId' | 'version' | 'type' | 'schemaVersion' | 'data' | 'metadata'
>;

export function hashEvent(prevHash: string, event: HashedContent): string {
  return sha256Hex(prevHash + hashedText(event));
}

/**
 * One-shot `crypto.hash` where Node has it (20.12+): for an event's few hundred
 * bytes, making a `Hash` object cost as much as hashing. Same digest either way.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * `canonicalJson` of the hashed fields. The envelope's keys are fixed, so it
 * is written in their sorted order directly; only data and metadata go
 * through the general writer. Same bytes either way (a test holds them equal).
 */
function hashedText(event: HashedContent): string {
  if (event.data === undefined || event.metadata === undefined || !Number.isFinite(event.version))
    return canonicalJson({
      eventId: event.eventId,
      streamId: event.streamId,
      version: event.version,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
    });
  return (
    `{"data":${canonicalJson(event.data)},"eventId":${canonicalJson(event.eventId)}` +
    `,"metadata":${canonicalJson(event.metadata)},"schemaVersion":${canonicalJson(event.schemaVersion)}` +
    `,"streamId":${canonicalJson(event.streamId)},"type":${canonicalJson(event.type)},"version":${canonicalJson(event.version)}}`
  );
}

export type ChainVerdict =
  | { ok: true; events: number; headHash: string }
  | {
      ok: false;
      events: number;
      headHash: string;
      brokenAt: { version: number; eventId: string; reason: string };
    };

/**
 * Walks a stream from version 1 and names the first event whose link does not
 * hold: a wrong version number, a `prevHash` that is not the previous hash, or
 * a `hash` that does not match the content.
 */
export function verifyChain(events: Iterable<RecordedEvent>): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const event of events) {
    const expectedVersion = count + 1;
    const broken = (reason: string): ChainVerdict => ({
      ok: false,
      events: count,
      headHash: prevHash,
      brokenAt: { version: event.version, eventId: event.eventId, reason },
    });
    if (event.version !== expectedVersion)
      return broken(`expected version ${expectedVersion}, found ${event.version}`);
    if (event.prevHash !== prevHash) return broken('prevHash does not match the previous event');
    if (hashEvent(prevHash, event) !== event.hash) return broken('hash does not match the event content');
    prevHash = event.hash;
    count++;
  }
  return { ok: true, events: count, headHash: prevHash };
}
