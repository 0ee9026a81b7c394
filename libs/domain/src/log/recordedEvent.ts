/**
 * The shape of one entry in the append-only log, as ARCHITECTURE.md fixes it.
 * Stores persist exactly these fields; consumers read exactly these fields.
 */
export interface EventMetadata {
  /** When the act happened in the listener's world (may be in the past for imports). */
  occurredAt: string;
  /** When the log accepted it. Set by the store. */
  recordedAt: string;
  correlationId?: string;
  causationId?: string;
  /** Who caused it: a listener id, `admin`, or a service name. */
  actor?: string;
}

/** What a writer hands to the store: the store adds version, position, recordedAt and the hashes. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  eventId: string;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata?: Partial<Omit<EventMetadata, 'recordedAt'>>;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> {
  eventId: string;
  streamId: string;
  /** 1-based and gapless within the stream. */
  version: number;
  /** Orders the whole log; assigned by the store. */
  position: number;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  /** Hash of the previous event in the same stream; `GENESIS_HASH` for version 1. */
  prevHash: string;
  hash: string;
}
