import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataKeyStore } from './dataKeyStore';
import { InMemoryDataKeyStore } from './inMemoryDataKeyStore';
import { SqliteDataKeyStore } from './sqliteDataKeyStore';

const dir = mkdtempSync(join(tmpdir(), 'qfzz-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['in memory', () => new InMemoryDataKeyStore()],
  ['SQLite', () => new SqliteDataKeyStore(join(dir, `${Math.random()}.db`))],
])('DataKeyStore: %s', (_name, open: () => DataKeyStore) => {
  it('keeps one current 256-bit key per listener, findable by id, until deleted', async () => {
    const keys = open();
    const ada = await keys.currentKey('ada');
    expect(ada.key).toHaveLength(32);
    expect((await keys.currentKey('ada')).kid).toBe(ada.kid);
    expect((await keys.currentKey('bob')).kid).not.toBe(ada.kid);
    expect((await keys.keyById(ada.kid))?.key.equals(ada.key)).toBe(true);
    expect(await keys.deleteKeysOf('ada')).toBe(1);
    expect(await keys.keyById(ada.kid)).toBeUndefined();
    expect((await keys.currentKey('ada')).kid).not.toBe(ada.kid);
    await keys.close();
  });
});

describe('SqliteDataKeyStore', () => {
  it('keeps keys across a reopen, and overwrites a deleted key’s bytes in the file', async () => {
    const file = join(dir, 'keys.db');
    let keys = new SqliteDataKeyStore(file);
    const ada = await keys.currentKey('ada');
    const bytes = Buffer.from(ada.key);
    await keys.close();
    keys = new SqliteDataKeyStore(file);
    expect((await keys.keyById(ada.kid))?.key.equals(bytes)).toBe(true);
    expect(readFileSync(file).includes(bytes)).toBe(true);
    await keys.deleteKeysOf('ada');
    await keys.close();
    expect(readFileSync(file).includes(bytes)).toBe(false);
  });
});
