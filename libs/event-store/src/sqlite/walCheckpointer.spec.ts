import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqliteEventStore';
import { WAL_CHECKPOINT_EVERY_MS } from './walCheckpointer';

const append = async (store: SqliteEventStore, n: number) => {
  for (let i = 0; i < n; i += 100)
    await store.appendToStream(
      `s-${i}`,
      Array.from({ length: 100 }, (_, k) => ({
        eventId: randomUUID(),
        type: 'Wrote',
        schemaVersion: 1,
        data: { text: 'x'.repeat(500), k },
      })),
    );
};

/** The writer no longer checkpoints: the worker thread must, or the log would live in the -wal file forever. */
describe('WalCheckpointer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'qfzz-wal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const databaseBytesAfterAppends = async (checkpointInBackground: boolean) => {
    const file = join(dir, `${checkpointInBackground}.db`);
    const store = new SqliteEventStore({ file, checkpointInBackground });
    await append(store, 3000);
    await new Promise((resolve) => setTimeout(resolve, WAL_CHECKPOINT_EVERY_MS * 3));
    const bytes = statSync(file).size;
    await store.close();
    return bytes;
  };

  it('folds the write-ahead log into the database file from its own thread', async () => {
    // ~3,000 rows of ~600 bytes: about 2 MB once folded in.
    // The writer's own checkpointing is off, so without the thread the file would hold only the schema.
    expect(await databaseBytesAfterAppends(true)).toBeGreaterThan(1_500_000);
  });
});
