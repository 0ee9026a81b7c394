import type { RecordedEvent } from '@qfzz/domain';

/**
 * The tail of the log this process appended last, in memory: a follower that
 * is only a little behind reads it from here instead of querying and decoding
 * rows it was handed a moment ago. It only ever answers for a contiguous run
 * of committed positions, so an append by another process (a gap in what this
 * process saw) simply sends readers back to the database.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];
  private first = 0;

  constructor(readonly capacity: number) {}

  /** Committed events, in position order, as one append stored them. */
  remember(committed: readonly RecordedEvent[]): void {
    if (this.capacity <= 0 || committed.length === 0) return;
    if (committed[0].position !== this.nextPosition()) {
      this.events = [];
      this.first = committed[0].position;
    }
    for (const event of committed) this.events.push(event);
    // Trim in steps, not per append: an array shift per event would cost more than it saves.
    if (this.events.length > this.capacity * 2) {
      const drop = this.events.length - this.capacity;
      this.events = this.events.slice(drop);
      this.first += drop;
    }
  }

  /** Up to `limit` events after `after`, or undefined when this memory does not hold position after + 1. */
  readAfter(after: number, limit: number): RecordedEvent[] | undefined {
    const index = after + 1 - this.first;
    if (this.events.length === 0 || index < 0 || index >= this.events.length) return undefined;
    return this.events.slice(index, index + limit);
  }

  private nextPosition(): number {
    return this.first + this.events.length;
  }
}
