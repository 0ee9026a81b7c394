import { CatalogIndex } from '@qfzz/catalog';
import { CATALOG_STREAM_ID, LISTENER_STREAM_PREFIX } from '@qfzz/domain';
import { CatchUpSubscription, type EventStore } from '@qfzz/event-store';
import { CoListening } from '../coListening/coListening';

export interface RecommenderLogFollowerOptions {
  index?: CatalogIndex;
  coListening?: CoListening;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Told about an event that cannot be read (skipped) and about read errors (retried). */
  onError?: (error: unknown) => void;
}

/**
 * The recommender's own read models, rebuilt by every replica from position
 * 0 in one pass over the log: the `catalog` stream into a `CatalogIndex`
 * (as `CatalogProjection` folds it) and listener feedback into the
 * `CoListening` model. Both live in memory and are idempotent, so a restart
 * is a replay.
 */
export class RecommenderLogFollower {
  readonly index: CatalogIndex;
  readonly coListening: CoListening;
  private subscription: CatchUpSubscription | undefined;
  private skippedEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: RecommenderLogFollowerOptions = {},
  ) {
    this.index = options.index ?? new CatalogIndex();
    this.coListening = options.coListening ?? new CoListening();
  }

  start(): this {
    if (this.subscription) return this;
    const onError = this.options.onError ?? ((error: unknown) => console.error('[recommender]', error));
    this.subscription = new CatchUpSubscription(this.store, {
      after: 0,
      batchSize: this.options.batchSize,
      pollIntervalMs: this.options.pollIntervalMs,
      onError,
      handle: (events) => {
        for (const event of events) {
          try {
            if (event.streamId === CATALOG_STREAM_ID) this.index.applyEvent(event);
            else if (event.streamId.startsWith(LISTENER_STREAM_PREFIX)) this.coListening.applyEvent(event);
          } catch (error) {
            this.skippedEvents++;
            onError(
              new Error(
                `event ${event.eventId} at position ${event.position} skipped: ${(error as Error).message}`,
              ),
            );
          }
        }
      },
    }).start();
    return this;
  }

  /** Log position read up to. */
  get checkpoint(): number {
    return this.subscription?.position ?? 0;
  }

  get skipped(): number {
    return this.skippedEvents;
  }

  waitFor(position: number): Promise<void> {
    if (!this.subscription) throw new Error('RecommenderLogFollower.waitFor before start()');
    return this.subscription.waitFor(position);
  }

  /** Resolves once everything in the log when called is folded in. */
  async caughtUp(): Promise<void> {
    await this.waitFor(await this.store.headPosition());
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}
