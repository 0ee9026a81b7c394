import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@qfzz/event-store';
import { SqliteProfileReadModels } from '../sqlite/sqliteProfileReadModels';

export interface SqliteLogAndReadModels {
  dir: string;
  store: SqliteEventStore;
  readModels: SqliteProfileReadModels;
}

/**
 * Registers jest hooks: before each test a fresh SQLite log and profile read
 * models in a temp dir (handed to `use`), after it both closed and the dir
 * removed.
 *
 * @example
 * let store: SqliteEventStore;
 * sqliteLogPerTest('qfzz-my-spec-', (opened) => (store = opened.store));
 */
export function sqliteLogPerTest(prefix: string, use: (opened: SqliteLogAndReadModels) => void): void {
  let opened: SqliteLogAndReadModels | undefined;
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    opened = {
      dir,
      store: new SqliteEventStore({ file: join(dir, 'qfzz.db') }),
      readModels: new SqliteProfileReadModels(join(dir, 'read-models.db')),
    };
    use(opened);
  });
  afterEach(async () => {
    if (!opened) return;
    await opened.store.close();
    await opened.readModels.close();
    rmSync(opened.dir, { recursive: true, force: true });
    opened = undefined;
  });
}
