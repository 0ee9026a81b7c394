import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { WalCheckpointer } from '@qfzz/event-store';
import type { ProfileReadModel, ProfileReadModels, StoredProfile } from '../profileReadModel';

const PROJECTION = 'taste-profiles';
const table = (generation: number) => `taste_profiles_g${generation}`;

interface ProfileRow {
  listener_id: string;
  version: number;
  position: number;
  profile: string;
}

/**
 * Edge-mode read models in their own SQLite file (not the log's), so folding
 * profiles never waits on the log's write lock. One table per generation.
 */
export class SqliteProfileReadModels implements ProfileReadModels {
  private readonly db: Database.Database;
  private readonly checkpointer: WalCheckpointer;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // A forgotten listener's profile must not linger in free pages of the file.
    this.db.pragma('secure_delete = ON');
    // Profile writes follow every event: keep the checkpoint's file sync off the event loop.
    this.checkpointer = new WalCheckpointer(this.db, file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS projection_generations (
        projection TEXT PRIMARY KEY,
        active     INTEGER NOT NULL,
        latest     INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS projection_checkpoints (
        projection TEXT    NOT NULL,
        generation INTEGER NOT NULL,
        position   INTEGER NOT NULL,
        PRIMARY KEY (projection, generation)
      );
    `);
    this.db
      .prepare('INSERT OR IGNORE INTO projection_generations (projection, active, latest) VALUES (?, 1, 1)')
      .run(PROJECTION);
    this.createTable(1);
  }

  private createTable(generation: number) {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${table(generation)} (
        listener_id TEXT PRIMARY KEY,
        version     INTEGER NOT NULL,
        position    INTEGER NOT NULL,
        profile     TEXT    NOT NULL
      )`);
  }

  private activeStatement: Database.Statement<[string], { active: number }> | undefined;

  private active(): number {
    this.activeStatement ??= this.db.prepare<[string], { active: number }>(
      'SELECT active FROM projection_generations WHERE projection = ?',
    );
    return this.activeStatement.get(PROJECTION)?.active ?? 1;
  }

  live(): ProfileReadModel {
    return new SqliteProfileReadModel(this.db, () => this.active());
  }

  async activeGeneration(): Promise<number> {
    return this.active();
  }

  async startGeneration() {
    const generation = this.db.transaction(() => {
      const next =
        (this.db
          .prepare<
            [string],
            { latest: number }
          >('SELECT latest FROM projection_generations WHERE projection = ?')
          .get(PROJECTION)?.latest ?? 1) + 1;
      this.db
        .prepare('UPDATE projection_generations SET latest = ? WHERE projection = ?')
        .run(next, PROJECTION);
      return next;
    })();
    this.db.exec(`DROP TABLE IF EXISTS ${table(generation)}`);
    this.createTable(generation);
    return { generation, readModel: new SqliteProfileReadModel(this.db, () => generation) };
  }

  async activate(generation: number): Promise<void> {
    const previous = this.active();
    if (previous === generation) return;
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE projection_generations SET active = ? WHERE projection = ?')
        .run(generation, PROJECTION);
      this.db.exec(`DROP TABLE IF EXISTS ${table(previous)}`);
      this.db
        .prepare('DELETE FROM projection_checkpoints WHERE projection = ? AND generation = ?')
        .run(PROJECTION, previous);
    })();
  }

  async close(): Promise<void> {
    await this.checkpointer.stop();
    this.db.close();
  }
}

/** Prepared statements by their SQL: preparing one per call cost more than running it. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

class SqliteProfileReadModel implements ProfileReadModel {
  constructor(
    private readonly db: Database.Database,
    private readonly generation: () => number,
  ) {}

  private prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let cache = statements.get(this.db);
    if (!cache) statements.set(this.db, (cache = new Map()));
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = this.db.prepare(sql)));
    return statement as unknown as Database.Statement<P, R>;
  }

  async get(listenerId: string): Promise<StoredProfile | undefined> {
    const row = this.prepare<[string], ProfileRow>(
      `SELECT * FROM ${table(this.generation())} WHERE listener_id = ?`,
    ).get(listenerId);
    return row && fromRow(row);
  }

  async compareAndSet(next: StoredProfile, expectedVersion: number): Promise<boolean> {
    const t = table(this.generation());
    const profile = JSON.stringify(next.profile);
    const result =
      expectedVersion === 0
        ? this.prepare(
            `INSERT INTO ${t} (listener_id, version, position, profile) VALUES (?, ?, ?, ?) ON CONFLICT (listener_id) DO NOTHING`,
          ).run(next.listenerId, next.version, next.position, profile)
        : this.prepare(
            `UPDATE ${t} SET version = ?, position = ?, profile = ? WHERE listener_id = ? AND version = ?`,
          ).run(next.version, next.position, profile, next.listenerId, expectedVersion);
    return result.changes === 1;
  }

  async delete(listenerId: string): Promise<void> {
    this.prepare(`DELETE FROM ${table(this.generation())} WHERE listener_id = ?`).run(listenerId);
    // ...nor in the write-ahead log: fold it into the file (which secure_delete zeroes) and truncate it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async putMany(profiles: readonly StoredProfile[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO ${table(this.generation())} (listener_id, version, position, profile) VALUES (?, ?, ?, ?)
       ON CONFLICT (listener_id) DO UPDATE SET version = excluded.version, position = excluded.position, profile = excluded.profile`,
    );
    this.db.transaction(() => {
      for (const p of profiles) insert.run(p.listenerId, p.version, p.position, JSON.stringify(p.profile));
    })();
  }

  async list(): Promise<StoredProfile[]> {
    return this.prepare<[], ProfileRow>(`SELECT * FROM ${table(this.generation())} ORDER BY listener_id`)
      .all()
      .map(fromRow);
  }

  async count(): Promise<number> {
    return (
      this.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table(this.generation())}`).get()?.n ?? 0
    );
  }

  async checkpoint(): Promise<number> {
    const row = this.prepare<[string, number], { position: number }>(
      'SELECT position FROM projection_checkpoints WHERE projection = ? AND generation = ?',
    ).get(PROJECTION, this.generation());
    return row?.position ?? 0;
  }

  async saveCheckpoint(position: number): Promise<void> {
    this.prepare(
      `INSERT INTO projection_checkpoints (projection, generation, position) VALUES (?, ?, ?)
         ON CONFLICT (projection, generation) DO UPDATE SET position = MAX(position, excluded.position)`,
    ).run(PROJECTION, this.generation(), position);
  }
}

function fromRow(row: ProfileRow): StoredProfile {
  return {
    listenerId: row.listener_id,
    version: row.version,
    position: row.position,
    profile: JSON.parse(row.profile),
  };
}
