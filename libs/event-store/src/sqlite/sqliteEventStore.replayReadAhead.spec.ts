import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@qfzz/domain';
import type { ReplayEvent } from '../eventStore';
import { SqliteEventStore } from './sqliteEventStore';

const anEvent = (i: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'TrackPlayed',
  schemaVersion: 1,
  data: { track: { trackId: `t-${i}`, genre: 'jazz', artist: 'Ääron "Q" \\ Zed', energy: i / 1000 } },
  metadata: { occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SqliteEventStore replay reads, read ahead on a second thread', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-replay-read-ahead-'));
    store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const replayAll = async (limit: number) => {
    const events: ReplayEvent[] = [];
    const checkpoints: number[] = [];
    for (let after = 0; ; ) {
      const batch = await store.readAllForReplay({ after, limit });
      if (batch.nextPosition === after) return { events, checkpoints };
      events.push(...batch.events);
      checkpoints.push(batch.nextPosition);
      after = batch.nextPosition;
    }
  };

  it('hands out every event of a long log once, in order, as readAll has them', async () => {
    for (let i = 0; i < 1200; i += 40) {
      const batch = Array.from({ length: 40 }, (_, k) => anEvent(i + k));
      await store.appendToStream(`listener-${i % 7}`, batch);
    }
    const { events, checkpoints } = await replayAll(100);
    expect(checkpoints).toEqual(Array.from({ length: 12 }, (_, k) => (k + 1) * 100));
    const recorded = [];
    for (let after = 0; ; ) {
      const batch = await store.readAll({ after, limit: 500 });
      if (batch.nextPosition === after) break;
      recorded.push(...batch.events);
      after = batch.nextPosition;
    }
    expect(events).toEqual(
      recorded.map((e) => ({
        eventId: e.eventId,
        streamId: e.streamId,
        version: e.version,
        position: e.position,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: { occurredAt: e.metadata.occurredAt },
      })),
    );
  });

  it("sees this process's own appends after a batch read ahead came back short", async () => {
    await store.appendToStream(
      'listener-a',
      Array.from({ length: 8 }, (_, i) => anEvent(i)),
    );
    const first = await store.readAllForReplay({ after: 0, limit: 5 });
    expect(first.events).toHaveLength(5);
    // The next batch (positions 6..8, short) has been read ahead by now.
    await sleep(300);
    await store.appendToStream('listener-a', [anEvent(8), anEvent(9)]);
    const second = await store.readAllForReplay({ after: first.nextPosition, limit: 5 });
    expect(second.events.map((e) => e.position)).toEqual([6, 7, 8, 9, 10]);
  });

  it('answers a read that is not the one read ahead, and closes with a batch still on its way', async () => {
    await store.appendToStream(
      'listener-a',
      Array.from({ length: 30 }, (_, i) => anEvent(i)),
    );
    await store.readAllForReplay({ after: 0, limit: 10 });
    const elsewhere = await store.readAllForReplay({ after: 3, limit: 4 });
    expect(elsewhere.events.map((e) => e.position)).toEqual([4, 5, 6, 7]);
    expect(elsewhere.nextPosition).toBe(7);
    await store.readAllForReplay({ after: 7, limit: 10 });
    // Closing now ends the thread; nothing is left waiting or unhandled.
  });
});
