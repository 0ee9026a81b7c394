import { newEventId } from '../log/eventId';
import type { EventMetadata, NewEvent } from '../log/recordedEvent';
import { EVENT_CATALOGUE, type EventDataOf, type EventType } from './eventCatalogue';
import { parseEventData } from './parseEventData';

export interface NewQfzzEventOptions {
  /** Pass one to make a retried write idempotent; otherwise a new time-ordered id (`newEventId`). */
  eventId?: string;
  metadata?: Partial<Omit<EventMetadata, 'recordedAt'>>;
}

/**
 * What a writer hands to the store: validated against today's schema and
 * stamped with today's version, so nothing invalid or unversioned enters the log.
 */
export function newQfzzEvent<T extends EventType>(
  type: T,
  data: EventDataOf<T>,
  options: NewQfzzEventOptions = {},
): NewEvent<T, EventDataOf<T>> {
  const { currentSchemaVersion } = EVENT_CATALOGUE[type];
  const event: NewEvent<T, EventDataOf<T>> = {
    eventId: options.eventId ?? newEventId(),
    type,
    schemaVersion: currentSchemaVersion,
    data: parseEventData(type, currentSchemaVersion, data),
  };
  if (options.metadata) event.metadata = options.metadata;
  return event;
}

/**
 * Another event with the type, schema version and data of one `newQfzzEvent`
 * made, with an id and metadata of its own. The data was validated when that
 * event was made and is not validated again: an import that plays one track
 * a thousand times checks its data once. The two events share the data
 * object, so neither may change it (no reader of the log does).
 */
export function repeatQfzzEvent<T extends EventType>(
  made: NewEvent<T, EventDataOf<T>>,
  options: NewQfzzEventOptions = {},
): NewEvent<T, EventDataOf<T>> {
  const event: NewEvent<T, EventDataOf<T>> = {
    eventId: options.eventId ?? newEventId(),
    type: made.type,
    schemaVersion: made.schemaVersion,
    data: made.data,
  };
  if (options.metadata) event.metadata = options.metadata;
  return event;
}
