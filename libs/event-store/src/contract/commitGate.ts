import type { RecordedEvent } from '@qfzz/domain';
import type { EventStoreHooks } from '../eventStore';

/**
 * Test control over the window between "positions taken" and "committed":
 * holds the next append to a chosen stream at that point until released, and
 * can add small random delays to every append so concurrent writers commit
 * out of order wherever a store lets them.
 */
export class CommitGate {
  private held: { streamId: string; reached: () => void; release: Promise<void> } | undefined;
  private jitterMs = 0;

  readonly hooks: EventStoreHooks = {
    beforeCommit: (events) => this.beforeCommit(events),
  };

  /** Resolves once an append to `streamId` holds its positions; call the returned `release` to let it commit. */
  hold(streamId: string): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const releasePromise = new Promise<void>((resolve) => (release = resolve));
    this.held = { streamId, reached, release: releasePromise };
    return { reached: reachedPromise, release };
  }

  jitter(maxMs: number): void {
    this.jitterMs = maxMs;
  }

  private async beforeCommit(events: readonly RecordedEvent[]): Promise<void> {
    const held = this.held;
    if (held && events[0]?.streamId === held.streamId) {
      this.held = undefined;
      held.reached();
      await held.release;
    }
    if (this.jitterMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * this.jitterMs));
  }
}
