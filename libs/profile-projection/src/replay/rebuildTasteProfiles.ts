import { evolveTasteProfileDraft, initialTasteProfile, LISTENER_STREAM_PREFIX } from '@qfzz/domain';
import { readAllForReplay, type EventStore, type ReplayEvent } from '@qfzz/event-store';
import type { ProfileReadModels, StoredProfile } from '../profileReadModel';
import { TasteProfileProjection } from '../tasteProfileProjection';

export interface ReplayProgress {
  phase: 'rebuilding' | 'swapping' | 'catching-up' | 'done';
  /** Events read from the log so far. */
  processed: number;
  /** The log position reached, and the head when the rebuild began. */
  position: number;
  head: number;
  eventsPerSecond: number;
  /** Seconds left at the current rate; undefined until there is a rate. */
  etaSeconds?: number;
  generation: number;
}

export interface RebuildOptions {
  store: EventStore;
  readModels: ProfileReadModels;
  onProgress?: (progress: ReplayProgress) => void;
  batchSize?: number;
  /** How many folded profiles to keep in memory between flushes. */
  maxProfilesInMemory?: number;
}

export interface RebuildReport {
  generation: number;
  events: number;
  profiles: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Blue-green rebuild of the taste profiles: fold the whole log from position
 * 0 into a fresh generation while the active one keeps serving, swap when
 * caught up, then apply what arrived during the swap through the normal
 * (compare-and-set) path, which is safe next to live followers.
 */
export async function rebuildTasteProfiles(options: RebuildOptions): Promise<RebuildReport> {
  const { store, readModels } = options;
  const batchSize = options.batchSize ?? 5000;
  const maxInMemory = options.maxProfilesInMemory ?? 50_000;
  const started = Date.now();
  const head = await store.headPosition();
  const { generation, readModel } = await readModels.startGeneration();

  // By stream id, every profile folded since the last flush (all of them to be written).
  const profiles = new Map<string, StoredProfile>();
  let processed = 0;
  let position = 0;
  const report = (phase: ReplayProgress['phase']) => {
    const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
    const eventsPerSecond = processed / seconds;
    const left = Math.max(head - position, 0);
    options.onProgress?.({
      phase,
      processed,
      position,
      head,
      eventsPerSecond,
      etaSeconds: eventsPerSecond > 0 ? left / eventsPerSecond : undefined,
      generation,
    });
  };

  // Profiles stay in memory across batches and are written when memory is
  // full or the log is read: a busy listener is serialised once, not once per batch.
  // The new generation is empty until the first flush: only then can a profile be there to read back.
  let flushed = false;
  const flush = async (at: number) => {
    await readModel.putMany([...profiles.values()]);
    await readModel.saveCheckpoint(at);
    profiles.clear();
    flushed = true;
  };

  for (;;) {
    const batch = await readAllForReplay(store, { after: position, limit: batchSize });
    if (batch.nextPosition === position) break;
    for (const event of batch.events) {
      let held = profiles.get(event.streamId);
      if (held === undefined) {
        if (!event.streamId.startsWith(LISTENER_STREAM_PREFIX)) continue;
        const listenerId = event.streamId.slice(LISTENER_STREAM_PREFIX.length);
        held = (flushed ? await readModel.get(listenerId) : undefined) ?? unfolded(listenerId, event);
        profiles.set(event.streamId, held);
      }
      foldInto(held, event);
    }
    processed += batch.events.length;
    position = batch.nextPosition;
    if (profiles.size > maxInMemory) await flush(position);
    report('rebuilding');
    if (position >= head && batch.events.length < batchSize) break;
  }
  await flush(position);

  report('swapping');
  await readModels.activate(generation);

  report('catching-up');
  const live = readModels.live();
  const projection = new TasteProfileProjection(store, live);
  for (;;) {
    const batch = await store.readAll({ after: position, limit: batchSize });
    if (batch.nextPosition === position) break;
    for (const event of batch.events) await projection.apply(event);
    processed += batch.events.length;
    position = batch.nextPosition;
    await live.saveCheckpoint(position);
  }
  report('done');

  const seconds = (Date.now() - started) / 1000;
  return {
    generation,
    events: processed,
    profiles: await live.count(),
    seconds,
    eventsPerSecond: processed / Math.max(seconds, 1e-3),
  };
}

/** A listener's profile before their first event. */
function unfolded(listenerId: string, first: ReplayEvent): StoredProfile {
  return {
    listenerId,
    profile: initialTasteProfile(listenerId, first.metadata.occurredAt),
    version: 0,
    position: 0,
  };
}

/**
 * The rebuild owns every profile it holds (fresh from JSON or new), so it
 * folds them in place, the stored profile's envelope included.
 */
function foldInto(held: StoredProfile, event: ReplayEvent): void {
  if (event.version <= held.version) return;
  held.profile = evolveTasteProfileDraft(held.profile, event, { fromLog: true });
  held.version = event.version;
  held.position = event.position;
}
