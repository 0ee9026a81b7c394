import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DATA_KEY_BYTES } from '../crypto/sealedData';
import type { DataKey, DataKeyStore } from './dataKeyStore';

interface KeyRow {
  kid: string;
  owner_id: string;
  key: Buffer;
}

/**
 * Data keys in their own SQLite file (`./data/keys.db`), never the log's:
 * the log is append-only and copied around; this file is small and can be
 * erased. `secure_delete` overwrites a deleted key's bytes, and the rollback
 * journal (not WAL) keeps no older copy of the page beside the file.
 */
export class SqliteDataKeyStore implements DataKeyStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS data_keys (
        kid        TEXT PRIMARY KEY,
        owner_id   TEXT NOT NULL,
        key        BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS data_keys_owner ON data_keys (owner_id);
    `);
    this.statements = {
      current: this.db.prepare<[string], KeyRow>(
        'SELECT kid, owner_id, key FROM data_keys WHERE owner_id = ? ORDER BY rowid DESC LIMIT 1',
      ),
      byId: this.db.prepare<[string], KeyRow>('SELECT kid, owner_id, key FROM data_keys WHERE kid = ?'),
      insert: this.db.prepare('INSERT INTO data_keys (kid, owner_id, key, created_at) VALUES (?, ?, ?, ?)'),
      deleteOwner: this.db.prepare('DELETE FROM data_keys WHERE owner_id = ?'),
    };
  }

  async currentKey(ownerId: string): Promise<DataKey> {
    // One transaction, so two processes sealing a new listener's first events agree on one key.
    const row = this.db
      .transaction(() => {
        const existing = this.statements.current.get(ownerId);
        if (existing) return existing;
        const created: KeyRow = { kid: randomUUID(), owner_id: ownerId, key: randomBytes(DATA_KEY_BYTES) };
        this.statements.insert.run(created.kid, ownerId, created.key, new Date().toISOString());
        return created;
      })
      .immediate();
    return toKey(row);
  }

  async keyById(kid: string): Promise<DataKey | undefined> {
    const row = this.statements.byId.get(kid);
    return row ? toKey(row) : undefined;
  }

  async deleteKeysOf(ownerId: string): Promise<number> {
    return this.statements.deleteOwner.run(ownerId).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

const toKey = (row: KeyRow): DataKey => ({ kid: row.kid, ownerId: row.owner_id, key: row.key });
