// Test support: a small, varied catalog and profiles built by hand.
import { CatalogIndex } from '@qfzz/catalog';
import {
  initialTasteProfile,
  type CatalogTrack,
  type RecentInteraction,
  type TasteProfile,
} from '@qfzz/domain';
import { mulberry32 } from '@qfzz/recsys';

export const FIXTURE_GENRES = [
  'rock',
  'jazz',
  'electronic',
  'pop',
  'classical',
  'latin',
  'hip-hop',
  'country',
  'ambient',
  'reggae',
];
const MOODS = ['energetic', 'happy', 'calm', 'sad', 'focused', 'angry', 'romantic'];
const TEMPOS = ['slow', 'medium', 'fast'] as const;

/**
 * `artistsPerGenre` artists per genre, `tracksPerArtist` tracks each, with
 * energy spread evenly over 0..1 inside every artist's tracks (so every
 * genre has calm and loud tracks) and the other features from a seeded RNG.
 * Track ids: `<genre>.<artist>.<n>`; artists: `<Genre> Artist <a>`.
 */
export function fixtureTracks({
  artistsPerGenre = 4,
  tracksPerArtist = 6,
  seed = 7,
  genres = FIXTURE_GENRES,
} = {}): CatalogTrack[] {
  const random = mulberry32(seed);
  const tracks: CatalogTrack[] = [];
  for (const genre of genres) {
    for (let a = 0; a < artistsPerGenre; a++) {
      const artist = `${genre[0].toUpperCase()}${genre.slice(1)} Artist ${a}`;
      for (let t = 0; t < tracksPerArtist; t++) {
        const energy = Math.round(((t + 0.5) / tracksPerArtist) * 100) / 100;
        tracks.push({
          trackId: `${genre}.${a}.${t}`,
          title: `${genre} song ${a}.${t}`,
          artist,
          genre,
          energy,
          tempo: energy < 0.35 ? 'slow' : energy < 0.7 ? 'medium' : TEMPOS[2],
          mood:
            energy > 0.75 ? 'energetic' : energy < 0.3 ? 'calm' : MOODS[Math.floor(random() * MOODS.length)],
          valence: Math.round(random() * 100) / 100,
          danceability: Math.round(energy * 80 + random() * 20) / 100,
          popularity: Math.round(random() * 100),
        });
      }
    }
  }
  return tracks;
}

export function fixtureIndex(tracks: CatalogTrack[] = fixtureTracks()): CatalogIndex {
  const index = new CatalogIndex();
  index.applyTracks(tracks);
  return index;
}

/** A listener who likes rock and jazz, and one rock artist a lot. */
export function fixtureProfile(overrides: Partial<TasteProfile> = {}): TasteProfile {
  return {
    ...initialTasteProfile('ada', '2026-01-01T00:00:00.000Z'),
    genres: { rock: 0.8, jazz: 0.6 },
    artists: { 'Rock Artist 0': 0.9, 'Jazz Artist 1': 0.6 },
    moods: { calm: 0.6, happy: 0.7 },
    energyLevel: 0.55,
    tempoPreference: 'medium',
    discoveryFactor: 0.3,
    interactionCount: 120,
    version: 10,
    ...overrides,
  };
}

export function interaction(trackId: string, type: RecentInteraction['type'] = 'like'): RecentInteraction {
  const [genre, artist] = trackId.split('.');
  return { trackId, type, genre, artist: `${genre[0].toUpperCase()}${genre.slice(1)} Artist ${artist}` };
}
