import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain, type RecordedEvent } from '@qfzz/domain';
import { CatchUpSubscription } from '../catchUp/catchUpSubscription';
import { SqliteEventStore } from './sqliteEventStore';

const root = join(__dirname, '../../../..');

function appendFromAnotherProcess(file: string, tag: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'appendFromAnotherProcess.ts'), file, tag, String(count)],
      {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`writer ${tag} exited ${code}: ${stderr}`)),
    );
  });
}

describe('SQLite log shared by several processes', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'qfzz-sqlite-mp-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a live reader in another process every event once, in order, with intact chains', async () => {
    const file = join(dir, 'qfzz.db');
    const reader = new SqliteEventStore({ file });
    const delivered: RecordedEvent[] = [];
    const subscription = new CatchUpSubscription(reader, {
      after: 0,
      pollIntervalMs: 2,
      batchSize: 50,
      handle: (events) => {
        delivered.push(...events);
      },
    }).start();

    const writers = ['a', 'b', 'c'];
    const perWriter = 150;
    await Promise.all(writers.map((tag) => appendFromAnotherProcess(file, tag, perWriter)));

    await subscription.waitFor(writers.length * perWriter);
    await subscription.stop();
    expect(delivered.map((e) => e.position)).toEqual(
      Array.from({ length: writers.length * perWriter }, (_, i) => i + 1),
    );
    for (const tag of writers) {
      const own = await reader.readStream(`writer-${tag}`);
      expect(own.map((e) => (e.data as { i: number }).i)).toEqual(
        [...Array(perWriter).keys()].filter((i) => i % 4 !== 0),
      );
      expect(verifyChain(own).ok).toBe(true);
    }
    const shared = await reader.readStream('shared');
    expect(shared).toHaveLength(writers.length * Math.ceil(perWriter / 4));
    expect(verifyChain(shared).ok).toBe(true);
    await reader.close();
  }, 60_000);

  it('serves its own recent appends from memory without skipping what other processes wrote between them', async () => {
    const file = join(dir, 'interleaved.db');
    // A small memory, so the follower also crosses from memory to the database and back.
    const local = new SqliteEventStore({ file, recentEvents: 20 });
    const delivered: RecordedEvent[] = [];
    const subscription = new CatchUpSubscription(local, {
      after: 0,
      pollIntervalMs: 2,
      batchSize: 7,
      handle: (events) => {
        delivered.push(...events);
      },
    }).start();
    const appendLocally = async (count: number) => {
      for (let i = 0; i < count; i++)
        await local.appendToStream('local', [
          { eventId: randomUUID(), type: 'Wrote', schemaVersion: 1, data: { i, note: undefined } },
        ]);
    };
    await Promise.all([appendLocally(120), appendFromAnotherProcess(file, 'x', 60)]);
    await appendLocally(30);
    await appendFromAnotherProcess(file, 'y', 10);
    await appendLocally(5);

    const head = await local.headPosition();
    expect(head).toBe(120 + 60 + 30 + 10 + 5);
    await subscription.waitFor(head);
    await subscription.stop();
    expect(delivered.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    // What memory served is what the rows hold (a JSON round trip drops the undefined field).
    const fromDatabase = [];
    for (let after = 0; after < head; after += 50) {
      const fresh = new SqliteEventStore({ file, recentEvents: 0 });
      fromDatabase.push(...(await fresh.readAll({ after, limit: 50 })).events);
      await fresh.close();
    }
    expect(delivered).toStrictEqual(fromDatabase);
    expect(verifyChain(await local.readStream('local')).ok).toBe(true);
    await local.close();
  }, 60_000);
});
