// Shared by the specs: a real SQLite log in a temp dir, events to put in it,
// and polling helpers. Not exported from the library.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenerStreamId, connectionStreamId, type RecordedEvent } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';

export interface TempLog {
  store: SqliteEventStore;
  close(): Promise<void>;
}

export function openTempLog(): TempLog {
  const dir = mkdtempSync(join(tmpdir(), 'qfzz-messaging-'));
  const store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
  return {
    store,
    async close() {
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Appends `count` plays spread over `listeners` listener streams; returns them in log order. */
export async function appendPlays(
  store: SqliteEventStore,
  count: number,
  listeners = 5,
): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const result = await store.appendToStream(listenerStreamId(`l${i % listeners}`), [
      { eventId: randomUUID(), type: 'TrackPlayed', schemaVersion: 1, data: { trackId: `t${i}` } },
    ]);
    recorded.push(...result.events);
  }
  return recorded;
}

export async function appendConnection(store: SqliteEventStore): Promise<RecordedEvent> {
  const result = await store.appendToStream(connectionStreamId('ada', 'bob'), [
    { eventId: randomUUID(), type: 'FriendRequested', schemaVersion: 1, data: { from: 'ada', to: 'bob' } },
  ]);
  return result.events[0];
}

export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts deliveries per eventId. */
export class DeliveryCounter {
  readonly counts = new Map<string, number>();
  record(eventId: string): void {
    this.counts.set(eventId, (this.counts.get(eventId) ?? 0) + 1);
  }
  distinct(): number {
    return this.counts.size;
  }
  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }
}
