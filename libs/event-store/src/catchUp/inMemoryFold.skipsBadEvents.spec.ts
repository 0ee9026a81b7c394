import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@qfzz/domain';
import { anEvent } from '../contract/holeScenario';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import { InMemoryFold } from './inMemoryFold';

describe('InMemoryFold', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-fold-'));
    store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays from position 0, follows live, and skips an event it cannot fold without stalling', async () => {
    await store.appendToStream('s-1', [anEvent('Good', { n: 1 }), anEvent('Bad'), anEvent('Good', { n: 2 })]);
    const folded: number[] = [];
    const errors: string[] = [];
    const fold = new InMemoryFold(store, {
      name: 'test-model',
      pollIntervalMs: 5,
      onError: (error) => errors.push((error as Error).message),
      apply: (event: RecordedEvent) => {
        if (event.type === 'Bad') throw new Error('unreadable');
        folded.push((event.data as { n: number }).n);
      },
    }).start();
    await fold.caughtUp();
    const later = await store.appendToStream('s-2', [anEvent('Good', { n: 3 })]);
    await fold.waitFor(later.lastPosition);
    expect(fold.checkpoint).toBe(later.lastPosition);
    await fold.stop();

    expect(folded).toEqual([1, 2, 3]);
    expect(fold.skipped).toBe(1);
    expect(errors).toEqual([
      expect.stringMatching(/^test-model event .+ at position 2 skipped: unreadable$/),
    ]);
  });

  it('refuses to wait before it has started', () => {
    const fold = new InMemoryFold(store, { name: 'idle', apply: () => undefined });
    expect(() => fold.waitFor(1)).toThrow(/idle: waitFor before start\(\)/);
  });
});
