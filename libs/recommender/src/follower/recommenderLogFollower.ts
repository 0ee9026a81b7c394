import { CatalogIndex } from '@qfzz/catalog';
import { CATALOG_STREAM_ID, LISTENER_STREAM_PREFIX } from '@qfzz/domain';
import { InMemoryFold, type EventStore } from '@qfzz/event-store';
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
export class RecommenderLogFollower extends InMemoryFold {
  readonly index: CatalogIndex;
  readonly coListening: CoListening;

  constructor(store: EventStore, options: RecommenderLogFollowerOptions = {}) {
    const index = options.index ?? new CatalogIndex();
    const coListening = options.coListening ?? new CoListening();
    super(store, {
      name: 'recommender',
      batchSize: options.batchSize,
      pollIntervalMs: options.pollIntervalMs,
      onError: options.onError,
      apply: (event) => {
        if (event.streamId === CATALOG_STREAM_ID) index.applyEvent(event);
        else if (event.streamId.startsWith(LISTENER_STREAM_PREFIX)) coListening.applyEvent(event);
      },
    });
    this.index = index;
    this.coListening = coListening;
  }
}
