// Test support: a real SQLite log with the fixture catalog and listeners' events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCatalogTracks } from '@qfzz/catalog';
import { listenerStreamId, newQfzzEvent, type CatalogTrack, type NewEvent } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { fixtureTracks } from './catalogFixture';

export interface LogFixture {
  dir: string;
  store: SqliteEventStore;
  tracks: CatalogTrack[];
  trackById: Map<string, CatalogTrack>;
  /** Appends events to a listener's stream; returns the last position. */
  append(listenerId: string, events: NewEvent[]): Promise<number>;
  /** A feedback event on a catalog track, with the snapshot the gateway would write. */
  feedback(type: 'TrackPlayed' | 'TrackLiked' | 'TrackFavorited' | 'TrackSkipped', trackId: string): NewEvent;
  close(): Promise<void>;
}

export async function openLogFixture(tracks: CatalogTrack[] = fixtureTracks()): Promise<LogFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'qfzz-recommender-'));
  const store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
  await importCatalogTracks(store, tracks);
  const trackById = new Map(tracks.map((t) => [t.trackId, t]));
  return {
    dir,
    store,
    tracks,
    trackById,
    async append(listenerId, events) {
      const result = await store.appendToStream(listenerStreamId(listenerId), events);
      return result.lastPosition;
    },
    feedback(type, trackId) {
      const t = trackById.get(trackId);
      if (!t) throw new Error(`no fixture track ${trackId}`);
      const track = {
        trackId,
        genre: t.genre,
        artist: t.artist,
        energy: t.energy,
        tempo: t.tempo,
        mood: t.mood,
      };
      return newQfzzEvent(type, { track });
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registration plus stated taste: rock and jazz, one favourite rock artist. */
export function registeredRockFan(listenerId: string, extra: Record<string, unknown> = {}): NewEvent[] {
  return [
    newQfzzEvent('ListenerRegistered', { listenerId }),
    newQfzzEvent('PreferencesStated', {
      genres: { rock: 0.8, jazz: 0.6 },
      artists: { 'Rock Artist 0': 0.9 },
      energyLevel: 0.55,
      tempoPreference: 'medium',
      ...extra,
    }),
  ];
}
