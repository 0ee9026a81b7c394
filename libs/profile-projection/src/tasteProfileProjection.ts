import {
  cloneTasteProfile,
  evolveTasteProfileDraft,
  initialTasteProfile,
  LISTENER_STREAM_PREFIX,
  listenerStreamId,
  type RecordedEvent,
  type TasteProfile,
} from '@qfzz/domain';
import type { HotCache } from '@qfzz/cache';
import type { EventStore } from '@qfzz/event-store';
import type { ProfileReadModel, StoredProfile } from './profileReadModel';

export type ApplyOutcome = 'applied' | 'already-applied' | 'not-a-listener-event';

export const profileCacheKey = (listenerId: string) => `profile:${listenerId}`;
const DEFAULT_CACHE_TTL_SECONDS = 15 * 60;
const MAX_RACE_RETRIES = 20;
/**
 * How long "this listener exists" is believed without looking again. In one
 * process every fold updates it at once; beside other replicas (which may fold
 * a forget this one never sees) it bounds how stale the answer can be.
 */
const STANDING_TTL_MS = 2_000;
const STANDING_KEPT = 100_000;

export interface TasteProfileProjectionOptions {
  cache?: HotCache;
  cacheTtlSeconds?: number;
  /**
   * Every read also asks the log for the listener's stream version and folds
   * what the read model has not applied yet, so a read never lags the log,
   * even while the follower gathers a batch. One indexed lookup per read: right
   * for the embedded SQLite log (edge mode); off by default.
   */
  readsSeeTheLog?: boolean;
}

/**
 * Folds listener streams into taste profiles. Safe with redelivery, with
 * events arriving out of order, and with several replicas at once: each
 * write is a compare-and-set on the stream version, and a version gap is
 * filled by reading the listener's own stream. The end state is always the
 * fold of the whole stream, which is what a replay from scratch gives.
 */
export class TasteProfileProjection {
  /** Whether each listener recently seen exists (registered, not forgotten), and since when that is known. */
  private readonly standing = new Map<string, { active: boolean; at: number }>();
  /**
   * What the last `applyMany` wrote, by listener: a busy listener is in the
   * next batch too, and starting from this skips reading and parsing the row
   * it just wrote. Only a hint: the compare-and-set still checks the version,
   * and a miss (another writer, a forget, a swap) reads the row again.
   */
  private lastBatch = new Map<string, StoredProfile>();

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ProfileReadModel,
    private readonly options: TasteProfileProjectionOptions = {},
  ) {}

  async apply(event: RecordedEvent): Promise<ApplyOutcome> {
    if (!event.streamId.startsWith(LISTENER_STREAM_PREFIX)) return 'not-a-listener-event';
    const listenerId = event.streamId.slice(LISTENER_STREAM_PREFIX.length);
    for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
      const current = await this.readModel.get(listenerId);
      const version = current?.version ?? 0;
      if (event.version <= version) return 'already-applied';
      const pending =
        event.version === version + 1
          ? [event]
          : await this.store.readStream(event.streamId, {
              fromVersion: version + 1,
              limit: event.version - version,
            });
      const next = this.fold(listenerId, current, pending);
      if (await this.readModel.compareAndSet(next, version)) {
        await this.cacheWrite(next);
        return 'applied';
      }
      // Another replica moved this listener on meanwhile: look again.
    }
    throw new Error(`gave up applying ${event.eventId} to ${listenerId}: too many concurrent writers`);
  }

  /**
   * Applies a batch read from the log: per listener, one read, one fold of
   * all their events in the batch and one compare-and-set — a bulk import of
   * thousands of one listener's events is one write, not thousands.
   */
  async applyMany(events: readonly RecordedEvent[]): Promise<void> {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      if (!event.streamId.startsWith(LISTENER_STREAM_PREFIX)) continue;
      const list = byStream.get(event.streamId);
      if (list) list.push(event);
      else byStream.set(event.streamId, [event]);
    }
    // Bounded by the listeners of one batch.
    const previous = this.lastBatch;
    this.lastBatch = new Map();
    let first = true;
    for (const [streamId, streamEvents] of byStream) {
      // A batch is many listeners' folds (a second of a busy log: one per listener heard from). Each is
      // ~0.1 ms; run back to back they held waiting requests for 5-15 ms, so requests go in between.
      if (!first) await new Promise((resolve) => setImmediate(resolve));
      first = false;
      await this.applyStream(streamId, streamEvents, previous);
    }
  }

  private async applyStream(
    streamId: string,
    events: RecordedEvent[],
    previous: Map<string, StoredProfile>,
  ): Promise<void> {
    const listenerId = streamId.slice(LISTENER_STREAM_PREFIX.length);
    const last = events[events.length - 1];
    for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
      const current = (attempt === 0 && previous.get(listenerId)) || (await this.readModel.get(listenerId));
      const version = current?.version ?? 0;
      if (last.version <= version) return;
      const fresh = events.filter((event) => event.version > version);
      const contiguous = fresh.every((event, i) => event.version === version + 1 + i);
      const pending = contiguous
        ? fresh
        : await this.store.readStream(streamId, { fromVersion: version + 1, limit: last.version - version });
      const next = this.fold(listenerId, current, pending);
      if (await this.readModel.compareAndSet(next, version)) {
        this.lastBatch.set(listenerId, next);
        await this.followerCacheWrite(next);
        return;
      }
    }
    throw new Error(`gave up applying events to ${listenerId}: too many concurrent writers`);
  }

  /**
   * The listener's profile, at least as fresh as log position `minPosition`
   * when given: cache, then read model, then the listener's own stream for
   * whatever the read model has not applied yet (so a caller always reads its
   * own writes, without waiting for the bus).
   */
  async getProfile(listenerId: string, minPosition = 0): Promise<StoredProfile | undefined> {
    const latest = this.options.readsSeeTheLog
      ? await this.store.streamVersion(listenerStreamId(listenerId))
      : 0;
    const fresh = (profile: StoredProfile) => profile.position >= minPosition && profile.version >= latest;
    const cached = await this.cacheRead(listenerId);
    if (cached && fresh(cached)) return cached;
    const stored = await this.readModel.get(listenerId);
    if (stored && fresh(stored)) {
      await this.cacheWrite(stored);
      return stored;
    }
    const unapplied = await this.store.readStream(listenerStreamId(listenerId), {
      fromVersion: (stored?.version ?? 0) + 1,
    });
    if (unapplied.length === 0) return stored;
    const next = this.fold(listenerId, stored, unapplied);
    // Writing it back is an optimisation; losing the race to the projection is fine.
    await this.readModel.compareAndSet(next, stored?.version ?? 0);
    await this.cacheWrite(next);
    return next;
  }

  /**
   * Whether the listener is registered and not forgotten: what every listener
   * request asks first, answered without reading (and parsing) the profile
   * when it was seen in the last moments.
   */
  async isActiveListener(listenerId: string): Promise<boolean> {
    const known = this.standing.get(listenerId);
    if (known && Date.now() - known.at < STANDING_TTL_MS) return known.active;
    const stored = await this.getProfile(listenerId);
    const active = !!stored && !stored.profile.forgotten;
    this.rememberStanding(listenerId, active);
    return active;
  }

  private rememberStanding(listenerId: string, active: boolean): void {
    this.standing.delete(listenerId);
    this.standing.set(listenerId, { active, at: Date.now() });
    if (this.standing.size > STANDING_KEPT) this.standing.delete(this.standing.keys().next().value as string);
  }

  private fold(
    listenerId: string,
    current: StoredProfile | undefined,
    events: RecordedEvent[],
  ): StoredProfile {
    // One copy per fold, then in place: the stored profile may be shared with a cache.
    let profile: TasteProfile = current
      ? cloneTasteProfile(current.profile)
      : initialTasteProfile(listenerId, events[0]?.metadata.occurredAt ?? new Date(0).toISOString());
    for (const event of events) profile = evolveTasteProfileDraft(profile, event, { fromLog: true });
    const last = events[events.length - 1];
    return { listenerId, profile, version: last.version, position: last.position };
  }

  private async cacheRead(listenerId: string): Promise<StoredProfile | undefined> {
    const hit = await this.options.cache?.get<StoredProfile>(profileCacheKey(listenerId));
    return hit?.value;
  }

  /**
   * When reads see the log, a cached profile older than the stream is never
   * served (the read folds on), so the follower need not write each fold
   * through: the next read caches what it returns. That spares a JSON copy of
   * the profile per listener per batch, most of which nobody reads.
   */
  private async followerCacheWrite(stored: StoredProfile): Promise<void> {
    if (this.options.readsSeeTheLog) this.rememberStanding(stored.listenerId, !stored.profile.forgotten);
    else await this.cacheWrite(stored);
  }

  private async cacheWrite(stored: StoredProfile): Promise<void> {
    // Every fold passes here, so a registration or a forget is known at once.
    this.rememberStanding(stored.listenerId, !stored.profile.forgotten);
    await this.options.cache?.setIfNewer(
      profileCacheKey(stored.listenerId),
      { version: stored.version, value: stored },
      this.options.cacheTtlSeconds ?? DEFAULT_CACHE_TTL_SECONDS,
    );
  }
}
