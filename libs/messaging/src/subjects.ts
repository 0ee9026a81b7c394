import { streamKindOf, type StreamKind } from '@qfzz/domain';

/**
 * Every name the cluster bus uses on NATS, in one place. Three subject roots
 * that never overlap, so no JetStream stream captures a request/reply subject
 * (a stream on `x.>` would answer `x.get` with its PubAck):
 *
 * - `qfzz.events.<streamKind>.<eventType>` — the log's events, stream `QFZZ_EVENTS`
 * - `qfzz.dead.<durableName>`              — dead letters, stream `QFZZ_DEAD_LETTERS`
 * - `qfzz.rpc.<service>.<query>`           — core NATS request/reply, never stored
 */
export const EVENTS_STREAM = 'QFZZ_EVENTS';
export const EVENTS_SUBJECT_ROOT = 'qfzz.events';
export const EVENTS_SUBJECTS = `${EVENTS_SUBJECT_ROOT}.>`;

export const DEAD_LETTER_STREAM = 'QFZZ_DEAD_LETTERS';
export const DEAD_LETTER_SUBJECT_ROOT = 'qfzz.dead';
export const DEAD_LETTER_SUBJECTS = `${DEAD_LETTER_SUBJECT_ROOT}.>`;

export const RPC_SUBJECT_ROOT = 'qfzz.rpc';
export const RPC_SUBJECTS = `${RPC_SUBJECT_ROOT}.>`;

/** Message headers on `QFZZ_EVENTS`. */
export const MSG_ID_HEADER = 'Nats-Msg-Id';
export const POSITION_HEADER = 'Qfzz-Position';

/** The subject token for events whose stream id has no known kind. */
export const UNKNOWN_STREAM_KIND = 'other';

/**
 * A NATS subject token may not contain `.`, `*`, `>` or whitespace; anything
 * outside a conservative set becomes `_` so a strange event type can never
 * turn into a wildcard or an extra level.
 */
export function subjectToken(value: string): string {
  const token = value.replace(/[^A-Za-z0-9_-]/g, '_');
  return token.length > 0 ? token : '_';
}

export function eventSubject(event: { streamId: string; type: string }): string {
  const kind = streamKindOf(event.streamId) ?? UNKNOWN_STREAM_KIND;
  return `${EVENTS_SUBJECT_ROOT}.${kind}.${subjectToken(event.type)}`;
}

/** The one filter subject of a consumer (NATS 2.9 allows only one per consumer). */
export function eventFilterSubject(streamKind?: StreamKind): string {
  return streamKind ? `${EVENTS_SUBJECT_ROOT}.${streamKind}.>` : EVENTS_SUBJECTS;
}

export function deadLetterSubject(durableName: string): string {
  return `${DEAD_LETTER_SUBJECT_ROOT}.${subjectToken(durableName)}`;
}

export function rpcSubject(service: string, query: string): string {
  return `${RPC_SUBJECT_ROOT}.${subjectToken(service)}.${subjectToken(query)}`;
}
