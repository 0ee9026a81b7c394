import type { SealedData } from './crypto/sealedData';

interface Remembered {
  /** The ciphertext it was sealed into: only that exact ciphertext is opened from memory. */
  ct: string;
  payload: unknown;
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

  /** The payload sealed into this event, if this process sealed exactly this ciphertext. */
  find(eventId: string, sealed: SealedData): unknown {
    const remembered = this.byEventId.get(eventId);
    return remembered && remembered.ct === sealed.ct ? remembered.payload : undefined;
  }

  clear(): void {
    this.byEventId.clear();
  }
}
