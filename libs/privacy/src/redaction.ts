import { copyWith } from '@qfzz/domain';
import type { ReplayEvent } from '@qfzz/event-store';

/**
 * How a reader sees an event whose key was deleted: its own type, so every
 * reducer skips it as a type it does not know (it still advances the stream
 * version), and `data: { redacted: true }`. The taste-profile fold starts
 * after the last `ListenerForgotten` anyway; this keeps live consumers and
 * full replays (`rebuildTasteProfiles`) from ever reading shredded data.
 */
export const REDACTED_EVENT_TYPE = 'Redacted';

export interface RedactedData {
  redacted: true;
}

/** Any shape the log hands out (a `RecordedEvent`, a `ReplayEvent`) comes back in that shape. */
export function redactedEvent<E extends ReplayEvent>(
  stored: E,
): E & { type: typeof REDACTED_EVENT_TYPE; data: RedactedData } {
  return copyWith(stored, { type: REDACTED_EVENT_TYPE as typeof REDACTED_EVENT_TYPE, data: { redacted: true } as RedactedData });
}

export function isRedacted(event: { type: string }): boolean {
  return event.type === REDACTED_EVENT_TYPE;
}
