import type { CatalogTrack, EventType, ListeningContext } from '@qfzz/domain';
import type { InteractionType } from '../validation/interactionSchemas';
import { snapshotOf } from './trackLookup';

/** Which event each interaction type appends. */
export const INTERACTION_EVENT_TYPES = {
  play: 'TrackPlayed',
  skip: 'TrackSkipped',
  like: 'TrackLiked',
  favorite: 'TrackFavorited',
  rate: 'TrackRated',
} as const satisfies Record<InteractionType, EventType>;

export type InteractionEventType = (typeof INTERACTION_EVENT_TYPES)[InteractionType];

/** The event type and data of one interaction, with the track as the catalog has it now (ADR 0002). */
export function interactionEventData(
  type: InteractionType,
  track: CatalogTrack,
  rating?: number,
  context?: ListeningContext,
): {
  type: InteractionEventType;
  data: { track: ReturnType<typeof snapshotOf>; context?: ListeningContext; rating?: number };
} {
  return {
    type: INTERACTION_EVENT_TYPES[type],
    data: interactionData(snapshotOf(track), rating, type === 'rate', context),
  };
}

/** Written out rather than `{ track, ...(a), ...(b) }`: see `copyWith` in @qfzz/domain. */
function interactionData(
  track: ReturnType<typeof snapshotOf>,
  rating: number | undefined,
  rated: boolean,
  context: ListeningContext | undefined,
): { track: ReturnType<typeof snapshotOf>; context?: ListeningContext; rating?: number } {
  const data: { track: ReturnType<typeof snapshotOf>; context?: ListeningContext; rating?: number } = { track };
  if (context !== undefined && Object.keys(context).length > 0) data.context = context;
  if (rated) data.rating = rating;
  return data;
}
