import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenerStreamId, newQfzzEvent, type NewEvent } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';

export const aTrack = (trackId: string) => ({ trackId, genre: 'jazz', artist: 'Miles Davis', energy: 0.4 });

/** Writes a listener's registration and acts to the log, the way the gateway does. */
export async function register(store: EventStore, listenerId: string, name?: string) {
  return store.appendToStream(listenerStreamId(listenerId), [
    newQfzzEvent('ListenerRegistered', { listenerId, ...(name ? { name } : {}) }),
  ]);
}

export async function plays(store: EventStore, listenerId: string, count: number) {
  const events: NewEvent[] = Array.from({ length: count }, (_, i) =>
    newQfzzEvent('TrackPlayed', { track: aTrack(`warmup-${i % 7}`) }),
  );
  for (let i = 0; i < events.length; i += 500)
    await store.appendToStream(listenerStreamId(listenerId), events.slice(i, i + 500));
}

export async function likes(
  store: EventStore,
  listenerId: string,
  trackIds: string[],
  kind: 'TrackLiked' | 'TrackFavorited' = 'TrackLiked',
) {
  return store.appendToStream(
    listenerStreamId(listenerId),
    trackIds.map((trackId) => newQfzzEvent(kind, { track: aTrack(trackId) })),
  );
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
