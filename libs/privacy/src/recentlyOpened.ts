import type { RecordedEvent } from '@qfzz/domain';
import type { SealedData } from './crypto/sealedData';

export interface Remembered {
  /** The ciphertext it was sealed into: only that exact ciphertext is opened from memory. */
  ct: string;
  payload: unknown;
  /** The opened event, once a reader built it: every later reader gets the same one. */
  opened?: RecordedEvent;
}

/**
 * What this process sealed last, by event id: edge mode has several followers
 * of one log in one process (profiles, recommender, community graph), and
 * each would otherwise decrypt every event the gateway sealed a moment ago.
 * It is filled before the append, so a follower woken by the commit finds it.
 *
 * Only safe where every forget goes through this process (edge mode): a
 * forget elsewhere cannot reach this memory. `clear()` on forget.
 */
export class RecentlyOpened {
  private readonly byEventId = new Map<string, Remembered>();

  constructor(readonly capacity: number) {}

  remember(eventId: string, sealed: SealedData, payload: unknown): void {
    this.byEventId.set(eventId, { ct: sealed.ct, payload });
    if (this.byEventId.size > this.capacity) {
      this.byEventId.delete(this.byEventId.keys().next().value as string);
    }
  }

  /** What was sealed into this event, if this process sealed exactly this ciphertext. */
  find(eventId: string, sealed: SealedData): Remembered | undefined {
    const remembered = this.byEventId.get(eventId);
    return remembered && remembered.ct === sealed.ct ? remembered : undefined;
  }

  clear(): void {
    this.byEventId.clear();
  }
}
