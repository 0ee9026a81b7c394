import type { TrackSnapshot } from '../events/trackSnapshot';
import type { TasteProfileEvent } from './evolveTasteProfile';

/**
 * Builds a listener's stream for given/when/then tests: each `then` call
 * appends one event with the next version, the way the store would number it.
 */
export function listenerStream() {
  const events: TasteProfileEvent[] = [];
  const builder = {
    events,
    add(type: string, data: unknown, extra: Partial<TasteProfileEvent> = {}) {
      const version = events.length + 1;
      events.push({
        type,
        data,
        version,
        metadata: { occurredAt: `2025-01-01T00:00:${String(version % 60).padStart(2, '0')}.000Z` },
        ...extra,
      });
      return builder;
    },
  };
  return builder;
}

export function aTrack(overrides: Partial<TrackSnapshot> = {}): TrackSnapshot {
  return { trackId: 'track-1', genre: 'jazz', artist: 'Miles Davis', ...overrides };
}
