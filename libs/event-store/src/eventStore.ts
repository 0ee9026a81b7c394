import type { EventMetadata, NewEvent, RecordedEvent } from '@qfzz/domain';
import type { ExpectedVersion } from './expectedVersion';

export interface AppendOptions {
  /** Defaults to `ANY_VERSION`. */
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append; pass it as the next expected version. */
  nextExpectedVersion: number;
  /** Position of the last appended event: a read model at this position reflects the write. */
  lastPosition: number;
  events: RecordedEvent[];
  /** True when every event id was already in the stream: nothing new was written. */
  alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  limit?: number;
}

export interface ReadAllOptions {
  /** Read events with a position strictly greater than this (a checkpoint). 0 reads from the start. */
  after: number;
  limit?: number;
}

export interface ReadAllBatch {
  events: RecordedEvent[];
  /**
   * The checkpoint to pass as `after` next time. It can move past positions that
   * hold no event (a closed hole), so always continue from it rather than from
   * the last event's position.
   */
  nextPosition: number;
}

/**
 * An event as a replay folds it: what `RecordedEvent` holds except the hash
 * chain (`prevHash`, `hash`), which only a chain check reads, and of the
 * metadata only when it happened. A full replay reads every event of the log;
 * leaving out what no fold reads makes that read a good part cheaper.
 * A `RecordedEvent` is a `ReplayEvent`; the reverse never holds.
 */
export interface ReplayEvent<TType extends string = string, TData = unknown> {
  eventId: string;
  streamId: string;
  version: number;
  position: number;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: Pick<EventMetadata, 'occurredAt'> & Partial<EventMetadata>;
}

export interface ReplayBatch {
  events: ReplayEvent[];
  /** As in `ReadAllBatch`: continue from it. */
  nextPosition: number;
}

/**
 * Called once the events of an append have their versions, positions and
 * hashes, just before they become visible to readers. Stores await it, which
 * makes the window between "position taken" and "committed" observable.
 */
export interface EventStoreHooks {
  beforeCommit?: (events: readonly RecordedEvent[]) => void | Promise<void>;
}

/**
 * The port every event log adapter implements. Contract: versions are 1-based
 * and gapless per stream; `readAll` never hands out an event while an event
 * with a smaller position may still commit (no catch-up reader skips one).
 */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options: ReadAllOptions): Promise<ReadAllBatch>;
  /**
   * Optional: `readAll` for replays, which fold events and never check the
   * hash chain. Same events, positions, batches and hole rules as `readAll`,
   * each as a `ReplayEvent`. Call it through `readAllForReplay(store, ...)`,
   * which falls back to `readAll` for a store without it.
   */
  readAllForReplay?(options: ReadAllOptions): Promise<ReplayBatch>;
  /** 0 when the stream has no events. */
  streamVersion(streamId: string): Promise<number>;
  /** The highest position a reader can safely read up to now. */
  headPosition(): Promise<number>;
  /** A local wake-up hint after appends by this instance; readers still poll for other writers. */
  onAppended(listener: (lastPosition: number) => void): () => void;
  close(): Promise<void>;
}

export const DEFAULT_READ_BATCH = 1000;

/** Reads a batch for a replay: the store's lean read when it has one, else `readAll`. */
export function readAllForReplay(store: EventStore, options: ReadAllOptions): Promise<ReplayBatch> {
  return store.readAllForReplay ? store.readAllForReplay(options) : store.readAll(options);
}
