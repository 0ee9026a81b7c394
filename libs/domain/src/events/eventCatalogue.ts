import type { z } from 'zod';
import { tracksAddedToCatalogSchema } from './catalogEvents';
import {
  communityAcceptedSchema,
  communityDeclinedSchema,
  communityRemovedSchema,
  communityRequestedSchema,
} from './communityEvents';
import { djRepliedSchema, messageSentSchema, moodExpressedSchema } from './conversationEvents';
import { trackInteractionSchema, trackRatedSchema, trackRatedUpcasters } from './interactionEvents';
import {
  discoveryFactorChangedSchema,
  djChosenSchema,
  listenerForgottenSchema,
  listenerRegisteredSchema,
  preferencesStatedSchema,
} from './listenerEvents';
import { createUpcast, type Upcaster } from './upcasting';

export interface EventDefinition {
  currentSchemaVersion: number;
  schema: z.ZodTypeAny;
}

/**
 * Every event type qfzz writes, with the schema version writers stamp today
 * and the schema of that version's data. Type names are past-tense facts.
 */
export const EVENT_CATALOGUE = {
  ListenerRegistered: { currentSchemaVersion: 1, schema: listenerRegisteredSchema },
  PreferencesStated: { currentSchemaVersion: 1, schema: preferencesStatedSchema },
  DiscoveryFactorChanged: { currentSchemaVersion: 1, schema: discoveryFactorChangedSchema },
  DjChosen: { currentSchemaVersion: 1, schema: djChosenSchema },
  ListenerForgotten: { currentSchemaVersion: 1, schema: listenerForgottenSchema },
  TrackPlayed: { currentSchemaVersion: 1, schema: trackInteractionSchema },
  TrackSkipped: { currentSchemaVersion: 1, schema: trackInteractionSchema },
  TrackLiked: { currentSchemaVersion: 1, schema: trackInteractionSchema },
  TrackFavorited: { currentSchemaVersion: 1, schema: trackInteractionSchema },
  TrackRated: { currentSchemaVersion: 2, schema: trackRatedSchema },
  MessageSent: { currentSchemaVersion: 1, schema: messageSentSchema },
  DjReplied: { currentSchemaVersion: 1, schema: djRepliedSchema },
  MoodExpressed: { currentSchemaVersion: 1, schema: moodExpressedSchema },
  CommunityRequested: { currentSchemaVersion: 1, schema: communityRequestedSchema },
  CommunityAccepted: { currentSchemaVersion: 1, schema: communityAcceptedSchema },
  CommunityDeclined: { currentSchemaVersion: 1, schema: communityDeclinedSchema },
  CommunityRemoved: { currentSchemaVersion: 1, schema: communityRemovedSchema },
  TracksAddedToCatalog: { currentSchemaVersion: 1, schema: tracksAddedToCatalogSchema },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENT_CATALOGUE;

export type EventDataOf<T extends EventType> = z.infer<(typeof EVENT_CATALOGUE)[T]['schema']>;

/** The event as the domain sees it once upcast and validated: a discriminated union on `type`. */
export type QfzzEventOf<T extends EventType> = { type: T; data: EventDataOf<T> };
export type QfzzEvent = { [T in EventType]: QfzzEventOf<T> }[EventType];

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

export function currentSchemaVersionOf(type: string): number | undefined {
  return isEventType(type) ? EVENT_CATALOGUE[type].currentSchemaVersion : undefined;
}

/** Every step that brings an old event up to date; add one here when a schema version is bumped. */
export const EVENT_UPCASTERS: readonly Upcaster[] = [...trackRatedUpcasters];

/** Brings stored data of any known version up to the current version of its type. */
export const upcast = createUpcast(EVENT_UPCASTERS, currentSchemaVersionOf);
