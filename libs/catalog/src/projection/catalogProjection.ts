import { CATALOG_STREAM_ID } from '@qfzz/domain';
import { InMemoryFold, type EventStore } from '@qfzz/event-store';
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
export class CatalogProjection extends InMemoryFold {
  readonly index: CatalogIndex;

  constructor(store: EventStore, options: CatalogProjectionOptions = {}) {
    const index = options.index ?? new CatalogIndex();
    super(store, {
      name: 'catalog',
      batchSize: options.batchSize,
      pollIntervalMs: options.pollIntervalMs,
      onError: options.onError,
      apply: (event) => {
        if (event.streamId === CATALOG_STREAM_ID) index.applyEvent(event);
      },
    });
    this.index = index;
  }
}
