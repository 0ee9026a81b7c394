import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain, type NewEvent } from '@qfzz/domain';
import { ExpectedVersionConflictError } from '../errors';
import { SqliteEventStore } from './sqliteEventStore';

const wrote = (i: number): NewEvent => ({ eventId: randomUUID(), type: 'Wrote', schemaVersion: 1, data: { i } });

/** Appends that arrive together commit together; each still succeeds or fails on its own. */
describe('SqliteEventStore group commit', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-group-'));
    file = join(dir, 'qfzz.db');
    store = new SqliteEventStore({ file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects only the appends whose expected version is wrong, and keeps every other one', async () => {
    await store.appendToStream('a', [wrote(0)]);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 40 }, (_, i) => store.appendToStream(`s-${i % 7}`, [wrote(i), wrote(i + 100)])),
      store.appendToStream('a', [wrote(1)], { expectedVersion: 5 }),
      store.appendToStream('a', [wrote(2)], { expectedVersion: 1 }),
      store.appendToStream('a', [wrote(3)], { expectedVersion: 1 }),
    ]);
    const rejected = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected).toHaveLength(2);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ExpectedVersionConflictError);

    const all = (await store.readAll({ after: 0, limit: 1000 })).events;
    expect(all).toHaveLength(1 + 80 + 1);
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
    expect((await store.readStream('a')).map((e) => (e.data as { i: number }).i)).toEqual([0, 2]);
    for (let s = 0; s < 7; s++) expect(verifyChain(await store.readStream(`s-${s}`)).ok).toBe(true);

    // ...and nothing of the rejected appends reached the file.
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 82 });
    db.close();
  });

  it('commits what was asked for before close', async () => {
    const appended = store.appendToStream('late', [wrote(1)]);
    await store.close();
    await expect(appended).resolves.toMatchObject({ lastPosition: 1 });
    store = new SqliteEventStore({ file });
    expect(await store.streamVersion('late')).toBe(1);
  });
});
