import { CatchUpSubscription, type EventStore } from '@qfzz/event-store';
import type { ProfileReadModels } from './profileReadModel';
import type { TasteProfileProjection } from './tasteProfileProjection';

/** How often the follower stores how far it got; in between, a restart re-applies a little, harmlessly. */
export const PROFILE_CHECKPOINT_EVERY_MS = 1_000;
/**
 * How long the follower lets a busy log gather before folding: a listener's
 * events in that window become one profile write instead of one each (at
 * 1,000 events/s over 50 listeners, 50 writes a second instead of 500). Pair
 * it with a projection whose reads see the log, so no read shows the delay;
 * whoever waits for a position (`waitFor`, e.g. a forget) cuts it short.
 */
export const PROFILE_FOLLOW_LINGER_MS = 1_000;
/**
 * ...but a bulk import ends the linger after this many events, so the batch
 * is still in the log's in-memory tail (edge mode keeps 4,096) when read.
 */
export const PROFILE_FOLLOW_LINGER_MAX_EVENTS = 1_000;

export interface ProfileFollowerOptions {
  onError?: (error: unknown) => void;
  /** See `PROFILE_FOLLOW_LINGER_MS`; pair it with a projection whose reads see the log. Default 0. */
  lingerMs?: number;
  /** See `PROFILE_FOLLOW_LINGER_MAX_EVENTS`. Default: no limit. */
  lingerMaxEvents?: number;
}

/**
 * Edge mode's consumer: follows the local log from the read model's
 * checkpoint and applies every event. The checkpoint is saved at most once a
 * second (and on stop), not per batch: under steady traffic batches are one
 * event each, and a second write per event cost as much as the profile's own.
 * Events after the last saved checkpoint are applied again after a crash,
 * which is harmless because applying is idempotent per stream version.
 */
export async function followLogIntoProfiles(
  store: EventStore,
  readModels: ProfileReadModels,
  projection: TasteProfileProjection,
  options: ProfileFollowerOptions = {},
): Promise<CatchUpSubscription> {
  const onError = options.onError ?? ((error: unknown) => console.error('[profile-projection]', error));
  const live = readModels.live();
  let savedAt = Date.now();
  let saved = await live.checkpoint();
  const save = async (position: number) => {
    if (position === saved) return;
    await live.saveCheckpoint(position);
    saved = position;
    savedAt = Date.now();
  };
  return new CatchUpSubscription(store, {
    after: saved,
    handle: async (events, nextPosition) => {
      await projection.applyMany(events);
      if (Date.now() - savedAt >= PROFILE_CHECKPOINT_EVERY_MS) await save(nextPosition);
    },
    onStopped: save,
    lingerMs: options.lingerMs ?? 0,
    lingerMaxEvents: options.lingerMaxEvents,
    onError,
  }).start();
}
