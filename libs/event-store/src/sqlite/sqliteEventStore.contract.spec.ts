import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../contract/eventStore.contract';
import { SqliteEventStore } from './sqliteEventStore';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeEventStoreContract('SQLite', async (gate) => {
  const dir = mkdtempSync(join(tmpdir(), 'qfzz-sqlite-contract-'));
  dirs.push(dir);
  return new SqliteEventStore({ file: join(dir, 'qfzz.db'), hooks: gate.hooks });
});
