import { CatchUpSubscription, type EventStore } from '@qfzz/event-store';
import type { ProfileReadModels } from './profileReadModel';
import type { TasteProfileProjection } from './tasteProfileProjection';

/**
 * Edge mode's consumer: follows the local log from the read model's
 * checkpoint and applies every event. The checkpoint is saved after each
 * batch; a batch replayed after a crash is harmless because applying is
 * idempotent per stream version.
 */
export async function followLogIntoProfiles(
  store: EventStore,
  readModels: ProfileReadModels,
  projection: TasteProfileProjection,
  onError: (error: unknown) => void = (error) => console.error('[profile-projection]', error),
): Promise<CatchUpSubscription> {
  const live = readModels.live();
  return new CatchUpSubscription(store, {
    after: await live.checkpoint(),
    handle: async (events, nextPosition) => {
      await projection.applyMany(events);
      await live.saveCheckpoint(nextPosition);
    },
    onError,
  }).start();
}
