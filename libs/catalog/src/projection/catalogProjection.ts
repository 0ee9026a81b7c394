import { CATALOG_STREAM_ID } from '@qfzz/domain';
import { CatchUpSubscription, type EventStore } from '@qfzz/event-store';
import { CatalogIndex } from '../index/catalogIndex';

export interface CatalogProjectionOptions {
  /** Fold into this index (default: a new empty one). */
  index?: CatalogIndex;
  batchSize?: number;
  pollIntervalMs?: number;
  /**
   * Told about a catalog event that cannot be read (it is skipped, so one bad
   * event cannot stall the catalog) and about read errors (retried).
   */
  onError?: (error: unknown) => void;
}

/**
 * The catalog's read model: follows the whole log from position 0 with a
 * `CatchUpSubscription` and folds every `TracksAddedToCatalog` event of the
 * `catalog` stream into an in-memory `CatalogIndex`. The index lives in
 * memory only, so every replica (and every restart) rebuilds it by replay;
 * folding is idempotent on trackId, so a redelivered event changes nothing.
 */
export class CatalogProjection {
  readonly index: CatalogIndex;
  private subscription: CatchUpSubscription | undefined;
  private skippedEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: CatalogProjectionOptions = {},
  ) {
    this.index = options.index ?? new CatalogIndex();
  }

  /** Starts following the log (from position 0). */
  start(): this {
    if (this.subscription) return this;
    const onError = this.options.onError ?? ((error: unknown) => console.error('[catalog]', error));
    this.subscription = new CatchUpSubscription(this.store, {
      after: 0,
      batchSize: this.options.batchSize,
      pollIntervalMs: this.options.pollIntervalMs,
      onError,
      handle: (events) => {
        for (const event of events) {
          if (event.streamId !== CATALOG_STREAM_ID) continue;
          try {
            this.index.applyEvent(event);
          } catch (error) {
            this.skippedEvents++;
            onError(
              new Error(
                `catalog event ${event.eventId} at position ${event.position} skipped: ${(error as Error).message}`,
              ),
            );
          }
        }
      },
    }).start();
    return this;
  }

  /** Log position the projection has read up to (every event, not only catalog ones). */
  get checkpoint(): number {
    return this.subscription?.position ?? 0;
  }

  /** Catalog events that could not be read and were skipped. */
  get skipped(): number {
    return this.skippedEvents;
  }

  /** Resolves once everything up to `position` is folded in (e.g. an import's `position`). */
  waitFor(position: number): Promise<void> {
    if (!this.subscription) throw new Error('CatalogProjection.waitFor before start()');
    return this.subscription.waitFor(position);
  }

  /** Resolves once the projection has read the log as far as it went when called. */
  async caughtUp(): Promise<void> {
    await this.waitFor(await this.store.headPosition());
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}
