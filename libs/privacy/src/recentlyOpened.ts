import type { RecordedEvent } from '@qfzz/domain';

/**
 * The opened form of the events this process appended last, by log position.
 * Edge mode has several followers of one log in one process (profiles,
 * recommender, community graph): each would otherwise decrypt every event the
 * gateway sealed a moment ago, from the ciphertext, again.
 *
 * Only safe where every forget goes through this process (edge mode): a
 * forget elsewhere cannot reach this memory. `clear()` on forget.
 */
export class RecentlyOpened {
  private readonly byPosition = new Map<number, RecordedEvent>();

  constructor(readonly capacity: number) {}

  remember(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      this.byPosition.set(event.position, event);
      if (this.byPosition.size > this.capacity) {
        const oldest = this.byPosition.keys().next().value as number;
        this.byPosition.delete(oldest);
      }
    }
  }

  /** The opened event stored at this position, if it is the same event. */
  find(stored: RecordedEvent): RecordedEvent | undefined {
    const opened = this.byPosition.get(stored.position);
    return opened && opened.eventId === stored.eventId ? opened : undefined;
  }

  clear(): void {
    this.byPosition.clear();
  }
}
