import { spawn } from 'node:child_process';
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
});
