import type { NewEvent, RecordedEvent } from '@qfzz/domain';
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
  /** 0 when the stream has no events. */
  streamVersion(streamId: string): Promise<number>;
  /** The highest position a reader can safely read up to now. */
  headPosition(): Promise<number>;
  /** A local wake-up hint after appends by this instance; readers still poll for other writers. */
  onAppended(listener: (lastPosition: number) => void): () => void;
  close(): Promise<void>;
}

export const DEFAULT_READ_BATCH = 1000;
