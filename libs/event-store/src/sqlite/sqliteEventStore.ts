import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isJsonScalar, type NewEvent, type RecordedEvent } from '@qfzz/domain';
import {
  appendResult,
  assertAppendable,
  checkExpectedVersion,
  EMPTY_STREAM_HEAD,
  recordEvents,
  resolveRetry,
  type StreamHead,
} from '../appendPlan';
import { ANY_VERSION, matchesExpectedVersion } from '../expectedVersion';
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
} from '../eventStore';
import { AppendListeners } from '../appendListeners';
import { RecentEvents } from '../recentEvents';
import { WalCheckpointer } from './walCheckpointer';
import { prepareReplayBatch, ReplayReadAhead } from './replayReadAhead';
import { migrateEventLog, type EventRow } from './sqliteSchema';

export interface SqliteEventStoreOptions {
  /** Path of the database file; its folder is created when missing. */
  file: string;
  hooks?: EventStoreHooks;
  /** How long a writer waits for another process's write lock. */
  busyTimeoutMs?: number;
  /**
   * `NORMAL` (default) survives a crash of the process; `FULL` also survives a
   * power cut, at the cost of an fsync per append.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /** Page cache of the writer connection, in MB. Default 32. */
  cacheMb?: number;
  /**
   * How many of this process's latest appends to keep in memory for readers
   * that follow the log closely (see `RecentEvents`). Default 10,000; 0 = none.
   */
  recentEvents?: number;
  /** Checkpoint the write-ahead log from a worker thread (see `WalCheckpointer`). Default true. */
  checkpointInBackground?: boolean;
}

const DEFAULT_RECENT_EVENTS = 10_000;

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  options: AppendOptions;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}
/** Appends of up to this many events look their ids up through a statement prepared once. */
const PREPARED_ID_LOOKUPS = 8;

/**
 * The embedded event log for edge mode: one SQLite file in WAL mode. Writes go
 * through one connection, one append at a time; reads use a second connection
 * that only ever sees committed transactions.
 */
export class SqliteEventStore implements EventStore {
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly listeners = new AppendListeners();
  /** Appends waiting for the next group commit. */
  private pending: PendingAppend[] = [];
  /** The group commit in progress, if any (the next group starts after it). */
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly statements;
  private readonly recent: RecentEvents;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly readAhead: ReplayReadAhead;
  private readonly idLookups = new Map<number, Database.Statement<string[], EventRow>>();

  constructor(private readonly options: SqliteEventStoreOptions) {
    if (options.file === ':memory:' || options.file === '') {
      // Readers use their own connection, which an in-memory database cannot share.
      throw new Error('SqliteEventStore needs a file path, not an in-memory database');
    }
    mkdirSync(dirname(options.file), { recursive: true });
    this.writer = new Database(options.file);
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.writer.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // The unique indexes (event id, stream + version) are random-access: with
    // SQLite's default 2 MB page cache, appends slow down as the log grows.
    this.writer.pragma(`cache_size = -${(options.cacheMb ?? 32) * 1024}`);
    migrateEventLog(this.writer);
    if (options.checkpointInBackground ?? true)
      this.checkpointer = new WalCheckpointer(this.writer, options.file);
    this.reader = new Database(options.file, { readonly: true });
    this.reader.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);

    this.recent = new RecentEvents(options.recentEvents ?? DEFAULT_RECENT_EVENTS);
    this.readAhead = new ReplayReadAhead(
      options.file,
      options.busyTimeoutMs ?? 5000,
      prepareReplayBatch(this.reader),
      () => this.statements.readerMaxPosition.get()?.p ?? 0,
    );
    this.listeners.add(() => this.readAhead.noteAppend());
    this.statements = {
      begin: this.writer.prepare('BEGIN IMMEDIATE'),
      commit: this.writer.prepare('COMMIT'),
      rollback: this.writer.prepare('ROLLBACK'),
      savepoint: this.writer.prepare('SAVEPOINT one_append'),
      release: this.writer.prepare('RELEASE one_append'),
      rollbackToSavepoint: this.writer.prepare('ROLLBACK TO one_append'),
      head: this.writer.prepare<[string], { version: number; hash: string }>(
        'SELECT version, hash FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1',
      ),
      maxPosition: this.writer.prepare<[], { p: number | null }>('SELECT MAX(position) AS p FROM events'),
      insert: this.writer.prepare(
        `INSERT INTO events (position, event_id, stream_id, version, type, schema_version, data, metadata, prev_hash, hash)
         VALUES (@position, @eventId, @streamId, @version, @type, @schemaVersion, @data, @metadata, @prevHash, @hash)`,
      ),
      // Raw (array) rows: replay reads millions of them, and skipping a keyed object per row is a third faster.
      readStream: this.reader
        .prepare<
          [string, number, number],
          RawEventRow
        >(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND version >= ? ORDER BY version LIMIT ?`)
        .raw(true),
      readAll: this.reader
        .prepare<
          [number, number],
          RawEventRow
        >(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
        .raw(true),
      streamVersion: this.reader.prepare<[string], { v: number | null }>(
        'SELECT MAX(version) AS v FROM events WHERE stream_id = ?',
      ),
      readerMaxPosition: this.reader.prepare<[], { p: number | null }>(
        'SELECT MAX(position) AS p FROM events',
      ),
    };
  }

  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, options, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.commitPending());
    });
  }

  /**
   * Group commit: the appends that arrived during one turn of the event loop
   * share one transaction, each inside its own savepoint, so one that fails
   * (a version conflict) leaves the others in. A commit costs far more than
   * an insert, so under load this is what keeps single-event appends cheap;
   * alone, an append still commits on the next turn.
   */
  private async commitPending(): Promise<void> {
    await this.writeQueue;
    const group = this.pending.splice(0, this.pending.length);
    if (group.length === 0) return;
    const run = this.commitGroup(group);
    this.writeQueue = run.catch(() => undefined);
    await run;
  }

  private async commitGroup(group: PendingAppend[]): Promise<void> {
    const outcomes: (
      | { ok: true; result: AppendResult; rows: ReturnType<typeof toRow>[] }
      | { ok: false; error: unknown }
    )[] = [];
    try {
      this.assertOpen();
      // IMMEDIATE takes the write lock now, so the heads we read cannot change under us.
      this.statements.begin.run();
      const savepoints = group.length > 1;
      for (const append of group) {
        if (savepoints) this.statements.savepoint.run();
        try {
          outcomes.push({ ok: true, ...(await this.appendInTransaction(append)) });
          if (savepoints) this.statements.release.run();
        } catch (error) {
          if (savepoints) {
            this.statements.rollbackToSavepoint.run();
            this.statements.release.run();
          }
          outcomes.push({ ok: false, error });
        }
      }
      // A lone append that failed part-way has no savepoint to undo it: drop the whole transaction.
      if (!savepoints && !outcomes[0].ok) this.statements.rollback.run();
      else this.statements.commit.run();
    } catch (error) {
      if (this.writer.open && this.writer.inTransaction) this.statements.rollback.run();
      for (const append of group) append.reject(error);
      return;
    }
    let lastPosition = 0;
    group.forEach((append, i) => {
      const outcome = outcomes[i];
      if (!outcome.ok) return append.reject(outcome.error);
      if (!outcome.result.alreadyAppended) {
        // Readers get the events as a read of the rows would give them (JSON round trip), decoded once for all.
        this.recent.remember(outcome.rows.map((row, i) => fromWrittenRow(row, outcome.result.events[i])));
        lastPosition = outcome.result.lastPosition;
      }
      append.resolve(outcome.result);
    });
    if (lastPosition > 0) this.listeners.notify(lastPosition);
  }

  /**
   * Writes first and looks ids up only when that fails: the unique index on
   * event ids already says whether any is taken, so an append of new events
   * (nearly all of them) pays no lookup. A retry of an append that committed
   * comes back as the stored events; a stale expected version is checked
   * against that too, since a retry's expected version is stale by design.
   */
  private async appendInTransaction({ streamId, events, options }: PendingAppend) {
    assertAppendable(streamId, events);
    const head: StreamHead = this.statements.head.get(streamId) ?? EMPTY_STREAM_HEAD;
    if (!matchesExpectedVersion(head.version, options.expectedVersion ?? ANY_VERSION)) {
      const retry = this.storedRetry(streamId, events);
      if (retry) return { result: appendResult(streamId, retry, true), rows: [] };
      checkExpectedVersion(streamId, head, options.expectedVersion);
    }
    const firstPosition = (this.statements.maxPosition.get()?.p ?? 0) + 1;
    const recorded = recordEvents(streamId, head, events, firstPosition, new Date().toISOString());
    const rows = recorded.map(toRow);
    try {
      for (const row of rows) this.statements.insert.run(row);
    } catch (error) {
      if (!isEventIdTaken(error)) throw error;
      // A retry stops at its first row, having written nothing. Any other append with a taken id
      // throws here (from resolveRetry), and the throw undoes its rows: its savepoint, or the transaction.
      const retry = this.storedRetry(streamId, events);
      if (!retry) throw error;
      return { result: appendResult(streamId, retry, true), rows: [] };
    }
    if (this.options.hooks?.beforeCommit) await this.options.hooks.beforeCommit(recorded);
    return { result: appendResult(streamId, recorded, false), rows };
  }

  /** The stored events when every id is already in this stream (a retry); throws when only some are, or elsewhere. */
  private storedRetry(streamId: string, events: readonly NewEvent[]): RecordedEvent[] | undefined {
    return resolveRetry(streamId, events, this.findByEventIds(events.map((e) => e.eventId)));
  }

  private findByEventIds(eventIds: string[]): RecordedEvent[] {
    return this.idLookup(eventIds.length)
      .all(...eventIds)
      .map(fromRow);
  }

  private idLookup(count: number): Database.Statement<string[], EventRow> {
    const known = this.idLookups.get(count);
    if (known) return known;
    const placeholders = Array.from({ length: count }, () => '?').join(',');
    const statement = this.writer.prepare<string[], EventRow>(
      `SELECT * FROM events WHERE event_id IN (${placeholders})`,
    );
    if (count <= PREPARED_ID_LOOKUPS) this.idLookups.set(count, statement);
    return statement;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const rows = this.statements.readStream.all(streamId, options.fromVersion ?? 1, options.limit ?? -1);
    return rows.map(fromRawRow);
  }

  async readAll({ after, limit = DEFAULT_READ_BATCH }: ReadAllOptions): Promise<ReadAllBatch> {
    this.assertOpen();
    const remembered = this.recent.readAfter(after, limit);
    if (remembered) return { events: remembered, nextPosition: remembered[remembered.length - 1].position };
    const events = this.statements.readAll.all(after, limit).map(fromRawRow);
    return { events, nextPosition: events.length ? events[events.length - 1].position : after };
  }

  /**
   * Without the hash chain, for replays; batch after batch, the next is read
   * ahead on a second thread while the caller folds this one (`ReplayReadAhead`).
   */
  async readAllForReplay({ after, limit = DEFAULT_READ_BATCH }: ReadAllOptions): Promise<ReplayBatch> {
    this.assertOpen();
    return this.readAhead.read(after, limit);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    return this.statements.streamVersion.get(streamId)?.v ?? 0;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.readerMaxPosition.get()?.p ?? 0;
  }

  onAppended(listener: (lastPosition: number) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already asked for are committed first.
    await this.commitPending();
    await this.writeQueue;
    this.closed = true;
    await this.checkpointer?.stop();
    this.readAhead.stop();
    this.reader.close();
    this.writer.close();
  }

  private assertOpen() {
    if (this.closed) throw new Error('SqliteEventStore is closed');
  }
}

function isEventIdTaken(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.event_id')
  );
}

function toRow(event: RecordedEvent) {
  return {
    position: event.position,
    eventId: event.eventId,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

const COLUMNS =
  'position, event_id, stream_id, version, type, schema_version, data, metadata, prev_hash, hash';
type RawEventRow = [number, string, string, number, string, number, string, string, string, string];

function fromRawRow(row: RawEventRow): RecordedEvent {
  return {
    eventId: row[1],
    streamId: row[2],
    version: row[3],
    position: row[0],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]),
    metadata: JSON.parse(row[7]),
    prevHash: row[8],
    hash: row[9],
  };
}

function fromWrittenRow(row: ReturnType<typeof toRow>, written: RecordedEvent): RecordedEvent {
  return {
    eventId: row.eventId,
    streamId: row.streamId,
    version: row.version,
    position: row.position,
    type: row.type,
    schemaVersion: row.schemaVersion,
    data: asRead(written.data, row.data),
    metadata: asRead(written.metadata, row.metadata) as RecordedEvent['metadata'],
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * The value as reading its JSON back would give it. A flat object of strings,
 * finite numbers, booleans and nulls (sealed data, metadata) is its own round
 * trip, so a shallow copy does (no parse, nothing shared with the writer);
 * anything else is parsed back from the JSON that was stored.
 */
function asRead(value: unknown, json: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.parse(json);
  if (Object.getPrototypeOf(value) !== Object.prototype) return JSON.parse(json);
  for (const key in value)
    if (!isJsonScalar((value as Record<string, unknown>)[key])) return JSON.parse(json);
  return { ...(value as Record<string, unknown>) };
}

function fromRow(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    position: row.position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
