import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { ReplayBatch, ReplayEvent } from '../eventStore';

/**
 * One batch of a replay read as a single JSON text, written by SQLite: an
 * array of `[position, eventId, streamId, version, type, schemaVersion, data,
 * occurredAt]`, the stored `data` spliced in as the JSON it already is. The
 * caller parses one string per batch instead of taking each event from its
 * columns and parsing its data (arrays: a third less text than objects).
 * Columns: how many rows, the last position, the JSON array.
 *
 * Positions are gapless and commit in order in SQLite (ADR 0001): a batch is
 * any prefix of what is committed, and needs no hole guard.
 */
export const REPLAY_BATCH_SQL = `
  SELECT count(*), max(position), '[' || coalesce(group_concat(event, ',' ORDER BY position), '') || ']'
  FROM (
    SELECT position,
           '[' || position || ',' || json_quote(event_id) || ',' || json_quote(stream_id) || ',' || version ||
           ',' || json_quote(type) || ',' || schema_version || ',' || data ||
           ',' || json_quote(metadata ->> '$.occurredAt') || ']' AS event
    FROM events WHERE position > ? ORDER BY position LIMIT ?
  )`;

type BatchRow = [count: number, last: number | null, json: string];
type EventTuple = [number, string, string, number, string, number, unknown, string];

export function replayBatchFrom([count, last, json]: BatchRow, after: number): ReplayBatch {
  const tuples = JSON.parse(json) as EventTuple[];
  const events = new Array<ReplayEvent>(tuples.length);
  for (let i = 0; i < tuples.length; i++) {
    const t = tuples[i];
    events[i] = {
      eventId: t[1],
      streamId: t[2],
      version: t[3],
      position: t[0],
      type: t[4],
      schemaVersion: t[5],
      data: t[6],
      metadata: { occurredAt: t[7] },
    };
  }
  return { events, nextPosition: count > 0 ? (last as number) : after };
}

/** The worker: a read-only connection of its own that answers batch requests. Plain CommonJS, no TypeScript. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = ' + Number(workerData.busyTimeoutMs));
const batch = db.prepare(workerData.sql).raw(true);
parentPort.on('message', (request) => {
  let reply;
  try {
    reply = { id: request.id, row: batch.get(request.after, request.limit) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(reply);
});
`;

interface Reply {
  id: number;
  row?: BatchRow;
  error?: string;
}

interface Ahead {
  after: number;
  limit: number;
  /** How many appends this process had made when the batch was asked for. */
  appends: number;
  row: Promise<BatchRow>;
}

/** How long a read-ahead thread with nothing to do stays up (a replay that stopped reading). */
const IDLE_MS = 5_000;

/**
 * Reads a replay's next batch on a second thread while the caller parses and
 * folds the current one. A replay asks for batch after batch from where the
 * last one ended, so the next is asked for as soon as a batch is in hand (or,
 * on a first read with more than a batch to go, at `after + limit`: positions
 * are gapless); a call that matches it takes it, any other call reads on the
 * caller's thread.
 *
 * A batch read ahead is what a read at that moment returned: a prefix of the
 * committed log, so no event is skipped. One that came back short (the end
 * of the log then) is read again if this process has appended since, so a
 * caller always sees its own writes. The thread starts only when a read finds
 * more than a batch still to come (a small log never starts one), and stops
 * once a batch comes back short, after `IDLE_MS` without a request, or on
 * `close`. If it cannot run, reads stay on the caller's thread.
 */
export class ReplayReadAhead {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (row: BatchRow) => void; reject: (e: Error) => void }
  >();
  private ahead: Ahead | undefined;
  private appends = 0;
  private idle: NodeJS.Timeout | undefined;
  private broken = false;

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    /** The same batch read on the caller's thread. */
    private readonly readNow: (after: number, limit: number) => BatchRow,
    /** The last committed position. */
    private readonly head: () => number,
  ) {}

  /** Called after each append by this process. */
  noteAppend(): void {
    this.appends++;
  }

  async read(after: number, limit: number): Promise<ReplayBatch> {
    const ahead = this.ahead;
    this.ahead = undefined;
    let row: BatchRow | undefined;
    if (ahead && ahead.after === after && ahead.limit === limit) {
      row = await ahead.row.catch(() => undefined);
      if (row && row[0] < limit && ahead.appends !== this.appends) row = undefined;
    } else if (this.head() - after > limit) {
      // A long way to go: the next batch starts at after + limit (positions are gapless), so it
      // can be asked for now, while this one is read here.
      this.readAhead(after + limit, limit);
    }
    row ??= this.readNow(after, limit);
    const [size, last] = row;
    // Ask for the next batch before parsing this one: the other thread reads while this one parses and folds.
    // (this.ahead was set again above when this batch was read here; TypeScript cannot see that.)
    const asked = this.ahead as Ahead | undefined;
    if (size < limit) this.stop();
    else if (asked?.after !== last) this.readAhead(last as number, limit);
    return replayBatchFrom(row, after);
  }

  private readAhead(after: number, limit: number) {
    const worker = this.started();
    if (!worker) return;
    const id = this.nextId++;
    const row = new Promise<BatchRow>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Nobody may ever ask for it; a failure shows when someone does (and is read again then).
    row.catch(() => undefined);
    this.ahead = { after, limit, appends: this.appends, row };
    // Keep the process up while a batch is on its way: the caller may be awaiting nothing else.
    worker.ref();
    worker.postMessage({ id, after, limit });
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        // The worker runs plain CommonJS; loaders of the parent (tsx) would only slow its start.
        execArgv: [],
        workerData: {
          driver: require.resolve('better-sqlite3'),
          file: this.file,
          busyTimeoutMs: this.busyTimeoutMs,
          sql: REPLAY_BATCH_SQL,
        },
      });
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', () => this.fail(worker, new Error('replay read-ahead thread exited')));
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  private settle(reply: Reply) {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (reply.row) waiter.resolve(reply.row);
    else waiter.reject(new Error(reply.error ?? 'replay read-ahead failed'));
  }

  private fail(worker: Worker, error: Error) {
    if (this.worker !== worker) return;
    this.worker = undefined;
    // A thread that could not open the log will not do better next time: read on the caller's thread.
    if (error.message !== 'replay read-ahead thread exited') this.broken = true;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }

  /** Ends the thread (the next long read starts another). */
  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    this.ahead = undefined;
    const worker = this.worker;
    this.worker = undefined;
    for (const waiter of this.waiting.values()) waiter.reject(new Error('replay read-ahead stopped'));
    this.waiting.clear();
    if (worker) void worker.terminate();
  }
}

/** The statement for reading a batch on the caller's thread, on the store's reader connection. */
export function prepareReplayBatch(reader: Database.Database): (after: number, limit: number) => BatchRow {
  const statement = reader.prepare<[number, number], BatchRow>(REPLAY_BATCH_SQL).raw(true);
  return (after, limit) => statement.get(after, limit) as BatchRow;
}
