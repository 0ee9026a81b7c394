import type { RecordedEvent } from '@qfzz/domain';
import type { EventStore } from '../eventStore';
import { CatchUpSubscription } from './catchUpSubscription';

export interface InMemoryFoldOptions {
  /** Folds one event into the in-memory model; throwing skips that event (reported), never stalls the fold. */
  apply: (event: RecordedEvent) => void;
  /** Names the model in messages, e.g. `catalog`. */
  name: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Told about events that could not be folded (skipped) and about read errors (retried). */
  onError?: (error: unknown) => void;
}

/**
 * An in-memory read model that every replica rebuilds by replaying the whole
 * log from position 0, then follows live: start, how far it has read, wait
 * for a position, stop. Models whose folds are idempotent (the catalog
 * index, co-listening) need nothing more.
 */
export class InMemoryFold {
  private subscription: CatchUpSubscription | undefined;
  private skippedEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: InMemoryFoldOptions,
  ) {}

  start(): this {
    if (this.subscription) return this;
    const { name, apply } = this.options;
    const onError = this.options.onError ?? ((error: unknown) => console.error(`[${name}]`, error));
    this.subscription = new CatchUpSubscription(this.store, {
      after: 0,
      batchSize: this.options.batchSize,
      pollIntervalMs: this.options.pollIntervalMs,
      onError,
      handle: (events) => {
        for (const event of events) {
          try {
            apply(event);
          } catch (error) {
            this.skippedEvents++;
            onError(
              new Error(
                `${name} event ${event.eventId} at position ${event.position} skipped: ${(error as Error).message}`,
              ),
            );
          }
        }
      },
    }).start();
    return this;
  }

  /** Log position read up to (every event, not only the ones this model folds). */
  get checkpoint(): number {
    return this.subscription?.position ?? 0;
  }

  /** Events that could not be folded and were skipped. */
  get skipped(): number {
    return this.skippedEvents;
  }

  /** Resolves once everything up to `position` is folded in. */
  waitFor(position: number): Promise<void> {
    if (!this.subscription) throw new Error(`${this.options.name}: waitFor before start()`);
    return this.subscription.waitFor(position);
  }

  /** Resolves once the model has read the log as far as it went when called. */
  async caughtUp(): Promise<void> {
    await this.waitFor(await this.store.headPosition());
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}
