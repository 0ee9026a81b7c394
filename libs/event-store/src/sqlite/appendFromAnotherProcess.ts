// Test helper run as its own process: appends events to a shared SQLite log
// through its own connection, so several writers really contend for the
// file's write lock. Arguments: <file> <tag> <count>.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqliteEventStore';

async function main() {
  const [file, tag, count] = process.argv.slice(2);
  const store = new SqliteEventStore({ file, busyTimeoutMs: 10_000 });
  for (let i = 0; i < Number(count); i++) {
    const stream = i % 4 === 0 ? 'shared' : `writer-${tag}`;
    await store.appendToStream(stream, [
      { eventId: randomUUID(), type: 'Wrote', schemaVersion: 1, data: { tag, i } },
    ]);
  }
  await store.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
