import type { Database } from 'better-sqlite3';

/**
 * One row per event. `position` is the rowid, handed out inside the write
 * transaction (max + 1), so positions are gapless and commit in order: SQLite
 * lets one writer at a time hold the lock, across processes too.
 */
export function migrateEventLog(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position        INTEGER PRIMARY KEY,
      event_id        TEXT    NOT NULL UNIQUE,
      stream_id       TEXT    NOT NULL,
      version         INTEGER NOT NULL,
      type            TEXT    NOT NULL,
      schema_version  INTEGER NOT NULL,
      data            TEXT    NOT NULL,
      metadata        TEXT    NOT NULL,
      prev_hash       TEXT    NOT NULL,
      hash            TEXT    NOT NULL,
      UNIQUE (stream_id, version)
    );
  `);
}

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}
