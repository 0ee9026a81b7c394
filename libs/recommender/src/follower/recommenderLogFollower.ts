import { CatalogIndex } from '@qfzz/catalog';
import { CATALOG_STREAM_ID, LISTENER_STREAM_PREFIX } from '@qfzz/domain';
import { InMemoryFold, readAllForReplay, type EventStore } from '@qfzz/event-store';
import { CoListening } from '../coListening/coListening';

export interface RecommenderLogFollowerOptions {
  index?: CatalogIndex;
  coListening?: CoListening;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Told about an event that cannot be read (skipped) and about read errors (retried). */
  onError?: (error: unknown) => void;
}

/** Events per read when co-listening is folded afresh after a forget. */
const REFOLD_BATCH = 5000;

/**
 * The recommender's own read models, rebuilt by every replica from position
 * 0 in one pass over the log: the `catalog` stream into a `CatalogIndex`
 * (as `CatalogProjection` folds it) and listener feedback into the
 * `CoListening` model. Both live in memory and are idempotent, so a restart
 * is a replay.
 *
 * When a listener whose listening went into the shared co-listening counts
 * is forgotten, the model is folded afresh from the log in the background
 * (without what they did before) and takes the place of the live one once it
 * has caught up: forgetting takes their share out of what others are
 * recommended, not only their own windows.
 */
export class RecommenderLogFollower extends InMemoryFold {
  readonly index: CatalogIndex;
  readonly coListening: CoListening;
  private refolding: Promise<void> | undefined;
  private refoldAgain = false;
  private refolds = 0;
  /** Position of the last event the live models were given (the subscription's checkpoint moves per batch). */
  private appliedUpTo = 0;

  constructor(
    private readonly log: EventStore,
    private readonly followerOptions: RecommenderLogFollowerOptions = {},
  ) {
    const index = followerOptions.index ?? new CatalogIndex();
    const coListening = followerOptions.coListening ?? new CoListening();
    super(log, {
      name: 'recommender',
      batchSize: followerOptions.batchSize,
      pollIntervalMs: followerOptions.pollIntervalMs,
      onError: followerOptions.onError,
      apply: (event) => {
        this.appliedUpTo = event.position;
        if (event.streamId === CATALOG_STREAM_ID) index.applyEvent(event);
        else if (event.streamId.startsWith(LISTENER_STREAM_PREFIX)) {
          coListening.applyEvent(event);
          if (event.type === 'ListenerForgotten' && coListening.holdsForgottenListening) this.refold();
        }
      },
    });
    this.index = index;
    this.coListening = coListening;
  }

  /** How many times co-listening was folded afresh after a forget. */
  get coListeningRefolds(): number {
    return this.refolds;
  }

  /** Resolves once no fresh fold of co-listening is running (or due). */
  async refolded(): Promise<void> {
    while (this.refolding) await this.refolding;
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.refoldAgain = false;
    await this.refolding;
  }

  private refold(): void {
    if (this.refolding) {
      this.refoldAgain = true;
      return;
    }
    this.refolding = this.foldAfresh()
      .catch((error) => this.followerOptions.onError?.(error))
      .finally(() => {
        this.refolding = undefined;
        if (this.refoldAgain) {
          this.refoldAgain = false;
          this.refold();
        }
      });
  }

  /** Folds the log into an empty copy until it is as far as the live model, then hands it over. */
  private async foldAfresh(): Promise<void> {
    const fresh = this.coListening.emptyCopy();
    let after = 0;
    while (after < this.appliedUpTo) {
      const batch = await readAllForReplay(this.log, { after, limit: REFOLD_BATCH });
      for (const event of batch.events)
        if (event.streamId.startsWith(LISTENER_STREAM_PREFIX)) fresh.applyEvent(event);
      if (batch.nextPosition === after) break;
      after = batch.nextPosition;
    }
    // No await since the last check: the live model is at most as far as the fresh one.
    this.coListening.takeOver(fresh);
    this.refolds++;
    if (this.coListening.holdsForgottenListening) this.refoldAgain = true;
  }
}
