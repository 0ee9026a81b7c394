import { ZodError } from 'zod';
import {
  EVENT_CATALOGUE,
  isEventType,
  upcast,
  type EventDataOf,
  type EventType,
  type QfzzEvent,
} from './eventCatalogue';
import { SchemaValidationError, UnknownEventTypeError } from './eventErrors';

/**
 * Reads stored data the way every consumer must: upcast from the version it
 * was written in, then validate against today's schema. What comes back is
 * typed; what cannot be read throws an error naming the field.
 */
export function parseEventData<T extends EventType>(
  type: T,
  schemaVersion: number,
  data: unknown,
): EventDataOf<T> {
  if (!isEventType(type)) throw new UnknownEventTypeError(type);
  const definition = EVENT_CATALOGUE[type];
  let current: unknown;
  try {
    current = upcast(type, schemaVersion, data);
  } catch (error) {
    // An upcaster reads the old shape with the old schema; its complaint is about the stored version.
    if (error instanceof ZodError) throw SchemaValidationError.fromZod(type, schemaVersion, error);
    throw error;
  }
  const result = definition.schema.safeParse(current);
  if (!result.success)
    throw SchemaValidationError.fromZod(type, definition.currentSchemaVersion, result.error);
  return result.data as EventDataOf<T>;
}

/** The same for an event whose type is only known at run time, e.g. one just read from the log. */
export function parseEvent(event: { type: string; schemaVersion: number; data: unknown }): QfzzEvent {
  if (!isEventType(event.type)) throw new UnknownEventTypeError(event.type);
  return { type: event.type, data: parseEventData(event.type, event.schemaVersion, event.data) } as QfzzEvent;
}
