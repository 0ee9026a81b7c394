import type { CatalogTrack } from '@qfzz/domain';

/** A small catalog with clear energies per genre, for conversation tests. */
export const SMALL_CATALOG: CatalogTrack[] = [
  // edm: high energy, happy
  ...[0.95, 0.9, 0.88, 0.85, 0.8, 0.78].map((energy, i) => ({
    trackId: `edm-${i + 1}`,
    title: `Neon Pulse ${i + 1}`,
    artist: i % 2 === 0 ? 'Daft Punk' : 'Bassline Club',
    genre: 'edm',
    energy,
    valence: 0.8,
    tempo: 'fast' as const,
  })),
  // rock: high-ish energy
  ...[0.85, 0.75, 0.7, 0.65].map((energy, i) => ({
    trackId: `rock-${i + 1}`,
    title: `Loud Roads ${i + 1}`,
    artist: 'The Amplifiers',
    genre: 'rock',
    energy,
    valence: 0.5,
    tempo: 'fast' as const,
  })),
  // ambient: very low energy
  ...[0.1, 0.12, 0.15, 0.2, 0.25].map((energy, i) => ({
    trackId: `ambient-${i + 1}`,
    title: `Still Water ${i + 1}`,
    artist: 'Slow Tide',
    genre: 'ambient',
    energy,
    valence: 0.4,
    tempo: 'slow' as const,
  })),
  // jazz: low-to-mid energy
  ...[0.3, 0.35, 0.4, 0.45].map((energy, i) => ({
    trackId: `jazz-${i + 1}`,
    title: `Blue Room ${i + 1}`,
    artist: 'Miles Davis',
    genre: 'jazz',
    energy,
    valence: 0.5,
    tempo: 'medium' as const,
  })),
  // country: mid
  ...[0.5, 0.55, 0.6].map((energy, i) => ({
    trackId: `country-${i + 1}`,
    title: `Dust Road ${i + 1}`,
    artist: 'Prairie Hearts',
    genre: 'country',
    energy,
    valence: 0.6,
    tempo: 'medium' as const,
  })),
];
