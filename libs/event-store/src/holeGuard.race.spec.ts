import type { NewEvent, RecordedEvent } from '@qfzz/domain';
import { checkExpectedVersion, EMPTY_STREAM_HEAD, recordEvents } from './appendPlan';
import { AppendListeners } from './appendListeners';
import { CommitGate } from './contract/commitGate';
import { runHoleScenario } from './contract/holeScenario';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventStoreHooks,
  ReadAllBatch,
  ReadAllOptions,
} from './eventStore';
import { HoleWatch, takeContiguous } from './holeGuard';

/**
 * A log whose writers take positions before they commit, as the MongoDB
 * adapter's do, kept in memory so the race runs here without a MongoDB
 * server. With `guarded` it reads through the same hole guard as that adapter;
 * without it, it hands out whatever is committed.
 */
class PositionsFirstLog implements EventStore {
  private readonly committed: RecordedEvent[] = [];
  private counter = 0;
  private readonly listeners = new AppendListeners();
  private readonly holes = new HoleWatch(60_000);

  constructor(
    private readonly guarded: boolean,
    private readonly hooks: EventStoreHooks,
  ) {}

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const mine = this.committed.filter((e) => e.streamId === streamId);
    const head = mine.length ? { version: mine.length, hash: mine[mine.length - 1].hash } : EMPTY_STREAM_HEAD;
    checkExpectedVersion(streamId, head, options.expectedVersion);
    const firstPosition = this.counter + 1;
    this.counter += events.length;
    const recorded = recordEvents(streamId, head, events, firstPosition, new Date().toISOString());
    await this.hooks.beforeCommit?.(recorded);
    this.committed.push(...recorded);
    this.committed.sort((a, b) => a.position - b.position);
    const last = recorded[recorded.length - 1];
    this.listeners.notify(last.position);
    return {
      streamId,
      nextExpectedVersion: last.version,
      lastPosition: last.position,
      events: recorded,
      alreadyAppended: false,
    };
  }

  async readAll({ after, limit = 1000 }: ReadAllOptions): Promise<ReadAllBatch> {
    const rows = this.committed.filter((e) => e.position > after).slice(0, limit);
    if (!this.guarded)
      return { events: rows, nextPosition: rows.length ? rows[rows.length - 1].position : after };
    const { rows: safe, nextPosition, blockedByHole } = takeContiguous(after, rows);
    if (blockedByHole && safe.length === 0) this.holes.isStale(nextPosition + 1);
    return { events: safe, nextPosition };
  }

  async readStream(streamId: string) {
    return this.committed.filter((e) => e.streamId === streamId);
  }
  async streamVersion(streamId: string) {
    return (await this.readStream(streamId)).length;
  }
  async headPosition() {
    return (await this.readAll({ after: 0, limit: Number.MAX_SAFE_INTEGER })).nextPosition;
  }
  onAppended(listener: (position: number) => void) {
    return this.listeners.add(listener);
  }
  async close() {
    this.committed.length = 0;
  }
}

describe('the hole race, with writers that take positions before committing', () => {
  it('makes an unguarded catch-up reader skip the slow writer’s event for good', async () => {
    const gate = new CommitGate();
    const outcome = await runHoleScenario(new PositionsFirstLog(false, gate.hooks), gate);
    expect(outcome.slowPosition).toBeLessThan(outcome.fastPosition);
    expect(outcome.delivered).toEqual([outcome.fastPosition]);
  });

  it('is harmless behind the hole guard: the reader waits, then delivers both in order', async () => {
    const gate = new CommitGate();
    const outcome = await runHoleScenario(new PositionsFirstLog(true, gate.hooks), gate);
    expect(outcome.delivered).toEqual([outcome.slowPosition, outcome.fastPosition]);
  });
});

describe('takeContiguous', () => {
  const at = (...positions: number[]) => positions.map((position) => ({ position }));

  it('takes rows up to the first missing position', () => {
    expect(takeContiguous(3, at(4, 5, 7, 8))).toEqual({
      rows: at(4, 5),
      nextPosition: 5,
      blockedByHole: true,
    });
  });

  it('takes nothing when the very next position is missing', () => {
    expect(takeContiguous(3, at(5))).toEqual({ rows: [], nextPosition: 3, blockedByHole: true });
  });

  it('takes everything when there is no hole', () => {
    expect(takeContiguous(0, at(1, 2, 3))).toEqual({
      rows: at(1, 2, 3),
      nextPosition: 3,
      blockedByHole: false,
    });
  });
});

describe('HoleWatch', () => {
  it('calls a hole stale only after it stayed open for the whole timeout', () => {
    const watch = new HoleWatch(1000);
    expect(watch.isStale(7, 10_000)).toBe(false);
    expect(watch.isStale(7, 10_999)).toBe(false);
    expect(watch.isStale(7, 11_000)).toBe(true);
    watch.forget(7);
    expect(watch.isStale(7, 20_000)).toBe(false);
  });
});
