import { listenerStreamId, newQfzzEvent, type NewEvent } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';

/** A small seeded PRNG (mulberry32): the same seed gives the same listening history. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENRES = ['rock', 'jazz', 'edm', 'pop', 'r&b', 'rap', 'latin', 'indie', 'soul', 'k-pop'];
const MOODS = ['energetic', 'happy', 'calm', 'sad', 'focused', 'romantic'] as const;

/**
 * One act of a simulated listener, as the gateway would write it: mostly
 * track feedback, sometimes a chat message, a stated preference or a mood.
 */
export function simulatedAct(random: () => number, listenerId: string, n: number): NewEvent {
  const roll = random();
  const g = Math.floor(random() * GENRES.length);
  const genre = GENRES[g];
  const track = {
    trackId: `t-${g}-${Math.floor(random() * 500)}`,
    genre,
    artist: `${genre} artist ${Math.floor(random() * 40)}`,
    mood: MOODS[Math.floor(random() * MOODS.length)],
    energy: Math.round(random() * 100) / 100,
  };
  const metadata = {
    occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    actor: listenerId,
  };
  if (roll < 0.45) return newQfzzEvent('TrackPlayed', { track }, { metadata });
  if (roll < 0.65) return newQfzzEvent('TrackSkipped', { track }, { metadata });
  if (roll < 0.8) return newQfzzEvent('TrackLiked', { track }, { metadata });
  if (roll < 0.85) return newQfzzEvent('TrackFavorited', { track }, { metadata });
  if (roll < 0.92)
    return newQfzzEvent('TrackRated', { track, rating: Math.round(random() * 10) / 10 }, { metadata });
  if (roll < 0.96) return newQfzzEvent('MessageSent', { text: `message ${n}` }, { metadata });
  if (roll < 0.98) return newQfzzEvent('PreferencesStated', { words: [genre, 'deep house'] }, { metadata });
  return newQfzzEvent('MoodExpressed', { mood: track.mood }, { metadata });
}

/**
 * Appends `events` acts spread over `listeners` listeners (each registered
 * first), in a seeded order that interleaves streams like real traffic.
 * Returns the listener ids.
 */
export async function appendSimulatedListening(
  store: EventStore,
  {
    listeners,
    events,
    seed = 1,
    batch = 1,
  }: { listeners: number; events: number; seed?: number; batch?: number },
): Promise<string[]> {
  const random = seededRandom(seed);
  const ids = Array.from({ length: listeners }, (_, i) => `sim-${seed}-${i}`);
  for (const id of ids) {
    await store.appendToStream(listenerStreamId(id), [
      newQfzzEvent('ListenerRegistered', { listenerId: id, name: id }),
    ]);
  }
  for (let n = ids.length; n < events; ) {
    const id = ids[Math.floor(random() * ids.length)];
    const size = Math.min(batch, events - n);
    const acts = Array.from({ length: size }, (_, k) => simulatedAct(random, id, n + k));
    await store.appendToStream(listenerStreamId(id), acts);
    n += size;
  }
  return ids;
}
