import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newQfzzEvent, type RecordedEvent } from '@qfzz/domain';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import { CatchUpSubscription } from './catchUpSubscription';

/** A lingering follower gathers a busy log into batches, but nobody waiting on it waits out the linger. */
describe('CatchUpSubscription lingerMs', () => {
  const LINGER_MS = 60_000; // far past the test timeout: a test that waits it out fails
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-linger-'));
    store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const played = (n: number) =>
    newQfzzEvent('TrackPlayed', { track: { trackId: `t${n}`, genre: 'rock', artist: 'A' } });

  it('holds appends while lingering, hands them over as one batch to a waiter, and stops at once', async () => {
    const batches: RecordedEvent[][] = [];
    const subscription = new CatchUpSubscription(store, {
      after: 0,
      handle: (events) => void batches.push(events),
      lingerMs: LINGER_MS,
    }).start();
    const first = await store.appendToStream('listener-ada', [played(1)]);
    await subscription.waitFor(first.lastPosition);
    expect(batches.flat().map((e) => e.position)).toEqual([first.lastPosition]);

    // Now lingering: these two are not read until someone waits for them.
    await store.appendToStream('listener-ada', [played(2)]);
    const third = await store.appendToStream('listener-ada', [played(3)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(batches.flat()).toHaveLength(1);

    await subscription.waitFor(third.lastPosition);
    expect(batches).toHaveLength(2);
    expect(batches[1].map((e) => e.version)).toEqual([2, 3]);

    const stopped = Date.now();
    await subscription.stop();
    expect(Date.now() - stopped).toBeLessThan(LINGER_MS);
  });

  it('stops lingering once this process appended lingerMaxEvents past the checkpoint', async () => {
    const batches: RecordedEvent[][] = [];
    const subscription = new CatchUpSubscription(store, {
      after: 0,
      handle: (events) => void batches.push(events),
      lingerMs: LINGER_MS,
      lingerMaxEvents: 3,
    }).start();
    const first = await store.appendToStream('listener-ada', [played(1)]);
    await subscription.waitFor(first.lastPosition);

    await store.appendToStream('listener-ada', [played(2)]);
    await store.appendToStream('listener-ada', [played(3)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(batches.flat()).toHaveLength(1); // two behind: still lingering

    await store.appendToStream('listener-ada', [played(4)]);
    const deadline = Date.now() + 4_000;
    while (batches.flat().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(batches.flat().map((e) => e.version)).toEqual([1, 2, 3, 4]);
    await subscription.stop();
  });
});
