import type { Connection, Model } from 'mongoose';
import type { NewEvent, RecordedEvent } from '@qfzz/domain';
import {
  appendResult,
  assertAppendable,
  checkExpectedVersion,
  EMPTY_STREAM_HEAD,
  recordEvents,
  resolveRetry,
  type StreamHead,
} from '../appendPlan';
import { AppendListeners } from '../appendListeners';
import { ExpectedVersionConflictError } from '../errors';
import {
  DEFAULT_READ_BATCH,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventStoreHooks,
  type ReadAllBatch,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReplayBatch,
  type ReplayEvent,
} from '../eventStore';
import { ANY_VERSION } from '../expectedVersion';
import { HoleWatch, takeContiguous } from '../holeGuard';
import {
  counterSchema,
  eventDocumentSchema,
  HOLE_STREAM,
  HOLE_TYPE,
  INDEX_NAMES,
  type CounterDocument,
  type EventDocument,
} from './eventDocument';

export interface MongoEventStoreOptions {
  hooks?: EventStoreHooks;
  /**
   * How long a reader waits at a position nobody has committed before it
   * closes the hole with a tombstone (the writer died between taking the
   * position and writing). A live writer that loses its position that way
   * simply appends again at a new one.
   */
  holeTimeoutMs?: number;
  /** Attempts for an append that lost a race it can safely retry. */
  maxAttempts?: number;
}

const POSITION_COUNTER = 'position';

/**
 * The event log for cluster mode. Positions come from a counter document, so
 * several writers can hold positions that are not yet committed: `readAll`
 * stops at the first missing position instead of stepping past it.
 */
export class MongoEventStore implements EventStore {
  private readonly events: Model<EventDocument>;
  private readonly counters: Model<CounterDocument>;
  private readonly listeners = new AppendListeners();
  private readonly holes: HoleWatch;
  private transactions: Promise<boolean> | undefined;

  private constructor(
    private readonly connection: Connection,
    private readonly options: MongoEventStoreOptions,
  ) {
    this.events = connection.model<EventDocument>('QfzzEvent', eventDocumentSchema);
    this.counters = connection.model<CounterDocument>('QfzzEventCounter', counterSchema);
    this.holes = new HoleWatch(options.holeTimeoutMs ?? 5000);
  }

  static async open(connection: Connection, options: MongoEventStoreOptions = {}): Promise<MongoEventStore> {
    const store = new MongoEventStore(connection, options);
    await store.events.createIndexes();
    return store;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.findByEventIds(events.map((e) => e.eventId));
      const retry = resolveRetry(streamId, events, stored);
      if (retry) return appendResult(streamId, retry, true);

      const head = await this.streamHead(streamId);
      checkExpectedVersion(streamId, head, options.expectedVersion);
      const firstPosition = await this.reservePositions(events.length);
      const recorded = recordEvents(streamId, head, events, firstPosition, new Date().toISOString());
      try {
        if (this.options.hooks?.beforeCommit) await this.options.hooks.beforeCommit(recorded);
        await this.insert(recorded);
        const appended = appendResult(streamId, recorded, false);
        this.listeners.notify(appended.lastPosition);
        return appended;
      } catch (error) {
        await this.fillHoles(recorded.map((e) => e.position));
        const lostRace = duplicateIndex(error);
        if (!lostRace || attempt >= maxAttempts) throw error;
        // Another writer took this stream's next version: only a caller that
        // did not care about the version may simply go again.
        if (
          lostRace === INDEX_NAMES.streamVersion &&
          (options.expectedVersion ?? ANY_VERSION) !== ANY_VERSION
        ) {
          const stillStored = resolveRetry(
            streamId,
            events,
            await this.findByEventIds(events.map((e) => e.eventId)),
          );
          if (stillStored) return appendResult(streamId, stillStored, true);
          throw new ExpectedVersionConflictError(
            streamId,
            options.expectedVersion ?? ANY_VERSION,
            await this.streamVersion(streamId),
          );
        }
      }
    }
  }

  private async reservePositions(count: number): Promise<number> {
    const counter = await this.counters
      .findOneAndUpdate(
        { _id: POSITION_COUNTER },
        { $inc: { value: count } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean();
    return (counter as CounterDocument).value - count + 1;
  }

  private async insert(recorded: RecordedEvent[]): Promise<void> {
    const docs = recorded.map(toDocument);
    if (docs.length === 1 || !(await this.supportsTransactions())) {
      await this.events.collection.insertMany(docs, { ordered: true });
      return;
    }
    const session = await this.connection.startSession();
    try {
      await session.withTransaction(() =>
        this.events.collection.insertMany(docs, { ordered: true, session }),
      );
    } finally {
      await session.endSession();
    }
  }

  /** Marks positions this writer will never use, so readers need not wait for them. */
  private async fillHoles(positions: number[]): Promise<void> {
    for (const position of positions) await this.closeHole(position);
  }

  private async closeHole(position: number): Promise<boolean> {
    try {
      await this.events.collection.insertOne({
        position,
        eventId: `${HOLE_TYPE}:${position}`,
        streamId: HOLE_STREAM,
        version: position,
        type: HOLE_TYPE,
        schemaVersion: 1,
        data: 'null',
        metadata: { occurredAt: new Date().toISOString(), recordedAt: new Date().toISOString() },
        prevHash: '-',
        hash: '-',
      });
      return true;
    } catch (error) {
      if (duplicateIndex(error)) return false; // the position is taken: by the event itself, or already closed
      throw error;
    }
  }

  private async supportsTransactions(): Promise<boolean> {
    this.transactions ??= (async () => {
      const db = this.connection.db;
      if (!db) return false;
      const hello = await db.admin().command({ hello: 1 });
      return Boolean(hello.setName) || hello.msg === 'isdbgrid';
    })();
    return this.transactions;
  }

  private async findByEventIds(eventIds: string[]): Promise<RecordedEvent[]> {
    const docs = await this.events.find({ eventId: { $in: eventIds } }).lean();
    return docs.map(fromDocument);
  }

  private async streamHead(streamId: string): Promise<StreamHead> {
    const last = await this.events
      .findOne({ streamId })
      .sort({ version: -1 })
      .select({ version: 1, hash: 1 })
      .lean();
    return last ? { version: last.version, hash: last.hash } : EMPTY_STREAM_HEAD;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    let query = this.events
      .find({ streamId, version: { $gte: options.fromVersion ?? 1 } })
      .sort({ version: 1 });
    if (options.limit) query = query.limit(options.limit);
    return (await query.lean()).map(fromDocument);
  }

  async readAll({ after, limit = DEFAULT_READ_BATCH }: ReadAllOptions): Promise<ReadAllBatch> {
    const { docs, nextPosition } = await this.readContiguous(after, limit);
    return { events: docs.map(fromDocument), nextPosition };
  }

  async readAllForReplay({ after, limit = DEFAULT_READ_BATCH }: ReadAllOptions): Promise<ReplayBatch> {
    const { docs, nextPosition } = await this.readContiguous(after, limit, REPLAY_PROJECTION);
    return { events: docs.map(fromReplayDocument), nextPosition };
  }

  /** The committed documents after `after`, up to the first hole (ADR 0001); tombstones left out. */
  private async readContiguous(
    after: number,
    limit: number,
    projection?: Record<string, 1>,
  ): Promise<{ docs: EventDocument[]; nextPosition: number }> {
    let query = this.events
      .find({ position: { $gt: after } })
      .sort({ position: 1 })
      .limit(limit);
    if (projection) query = query.select(projection);
    const docs = await query.lean<EventDocument[]>();
    const { rows, nextPosition, blockedByHole } = takeContiguous(after, docs);
    const hole = nextPosition + 1;
    if (!blockedByHole) {
      this.holes.forget(hole);
    } else if (rows.length === 0 && this.holes.isStale(hole)) {
      this.holes.forget(hole);
      await this.closeHole(hole);
      return this.readContiguous(after, limit, projection);
    }
    return { docs: rows.filter((doc) => doc.type !== HOLE_TYPE), nextPosition };
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await this.streamHead(streamId)).version;
  }

  async headPosition(): Promise<number> {
    let position = 0;
    for (;;) {
      const batch = await this.readAll({ after: position, limit: 10_000 });
      if (batch.nextPosition === position) return position;
      position = batch.nextPosition;
    }
  }

  onAppended(listener: (lastPosition: number) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    // The connection belongs to whoever opened it (a Nest module, a test).
  }
}

/** The name of the unique index a write collided with, or undefined for any other error. */
function duplicateIndex(error: unknown): string | undefined {
  const e = error as { code?: number; message?: string; writeErrors?: { code?: number; errmsg?: string }[] };
  const codes = [e?.code, ...(e?.writeErrors ?? []).map((w) => w.code)];
  if (!codes.includes(11000)) return undefined;
  const text = `${e.message ?? ''} ${(e.writeErrors ?? []).map((w) => w.errmsg ?? '').join(' ')}`;
  return Object.values(INDEX_NAMES).find((name) => text.includes(name)) ?? 'unknown';
}

function toDocument(event: RecordedEvent): EventDocument {
  // Drop undefined members: the driver would store them as null and the hash would no longer match.
  return { ...event, data: JSON.stringify(event.data), metadata: JSON.parse(JSON.stringify(event.metadata)) };
}

/** What a replay reads of each document: no hashes, and of the metadata only `occurredAt`. */
const REPLAY_PROJECTION: Record<string, 1> = {
  position: 1,
  eventId: 1,
  streamId: 1,
  version: 1,
  type: 1,
  schemaVersion: 1,
  data: 1,
  'metadata.occurredAt': 1,
};

function fromReplayDocument(doc: Omit<EventDocument, 'prevHash' | 'hash'>): ReplayEvent {
  return {
    eventId: doc.eventId,
    streamId: doc.streamId,
    version: doc.version,
    position: doc.position,
    type: doc.type,
    schemaVersion: doc.schemaVersion,
    data: JSON.parse(doc.data),
    metadata: { occurredAt: doc.metadata.occurredAt as string },
  };
}

function fromDocument(doc: EventDocument): RecordedEvent {
  return {
    eventId: doc.eventId,
    streamId: doc.streamId,
    version: doc.version,
    position: doc.position,
    type: doc.type,
    schemaVersion: doc.schemaVersion,
    data: JSON.parse(doc.data),
    metadata: doc.metadata as unknown as RecordedEvent['metadata'],
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
}
