import { LruHotCache } from '@qfzz/cache';
import { CatalogIndex } from '@qfzz/catalog';
import {
  initialTasteProfile,
  type CatalogTrack,
  type RecentInteraction,
  type TasteProfile,
} from '@qfzz/domain';
import { CoListening, PlaylistGenerator, PlaylistService, type SocialTrack } from '@qfzz/recommender';
import { mulberry32, type RandomSource } from '@qfzz/recsys';
import { loadavg } from 'node:os';
import { latencySummary, round } from '../measure';

export interface PlaylistBenchOptions {
  log: (line: string) => void;
  sizes?: number[];
  /** Timed playlists per catalog size (after warm-up). */
  samples?: number;
  /** Listeners whose recent likes build the co-listening model. */
  listeners?: number;
}

export const DEFAULT_PLAYLIST_SIZES = [10_000, 50_000, 100_000];
/**
 * Untimed playlists before the timed ones, per catalog size: enough for V8 to
 * finish optimising the scoring pass (50 left the first size measuring
 * partly unoptimised code: p50 at 10k tracks came out above 50k's per track).
 */
export const PLAYLIST_WARMUP = 300;

const GENRES = [
  'rock',
  'alternative',
  'indie',
  'punk',
  'metal',
  'jazz',
  'blues',
  'soul',
  'funk',
  'swing',
  'electronic',
  'edm',
  'house',
  'techno',
  'trance',
  'hip-hop',
  'rap',
  'trap',
  'r&b',
  'pop',
  'dance pop',
  'k-pop',
  'electropop',
  'classical',
  'baroque',
  'opera',
  'country',
  'folk',
  'bluegrass',
  'latin',
  'reggaeton',
  'salsa',
  'bossa nova',
  'ambient',
  'reggae',
  'gospel',
];
const MOODS = ['energetic', 'happy', 'calm', 'sad', 'focused', 'angry', 'romantic'];
const TEMPOS = ['slow', 'medium', 'fast'] as const;
const ACTIVITIES = [undefined, 'working_out', 'studying', 'winding_down', 'party', 'working'];

/** A skewed pick in 0..n-1 (popular items first), like real listening. */
const skewed = (random: RandomSource, n: number) => Math.min(n - 1, Math.floor(n * Math.pow(random(), 2.5)));

/** `n` synthetic tracks: ~12 tracks an artist, genres skewed, features from a seeded RNG, a few unknown. */
export function syntheticCatalog(n: number, seed = 42): CatalogTrack[] {
  const random = mulberry32(seed);
  const artists = Math.max(1, Math.round(n / 12));
  const tracks: CatalogTrack[] = [];
  for (let i = 0; i < n; i++) {
    const artist = skewed(random, artists);
    const genre = GENRES[(artist * 7 + (random() < 0.1 ? 1 : 0)) % GENRES.length];
    const energy = random();
    const track: CatalogTrack = {
      trackId: `t${i}`,
      title: `Track ${i}`,
      artist: `Artist ${artist}`,
      genre,
      tempo: TEMPOS[Math.floor(random() * 3)],
      mood: MOODS[Math.floor(random() * MOODS.length)],
      valence: random(),
      danceability: random(),
      popularity: Math.round(100 * Math.pow(random(), 2)),
    };
    if (random() > 0.05) track.energy = energy; // 5 % unknown, as in real catalogs
    tracks.push(track);
  }
  return tracks;
}

/** A listener with a lived-in profile: 6 genres, 15 artists, moods, 50 recent interactions, 3 friends. */
export function realisticProfile(tracks: CatalogTrack[], seed = 7): TasteProfile {
  const random = mulberry32(seed);
  const profile = initialTasteProfile('bench', '2026-01-01T00:00:00.000Z');
  for (const genre of ['rock', 'indie', 'jazz', 'soul', 'electronic', 'pop'])
    profile.genres[genre] = 0.4 + random() * 0.6;
  for (let a = 0; a < 15; a++)
    profile.artists[`Artist ${skewed(random, Math.round(tracks.length / 12))}`] = random();
  for (const mood of ['happy', 'calm', 'energetic']) profile.moods[mood] = 0.3 + random() * 0.7;
  profile.energyLevel = 0.6;
  profile.tempoPreference = 'medium';
  profile.discoveryFactor = 0.3;
  profile.interactionCount = 400;
  profile.communityConnections = ['f1', 'f2', 'f3'];
  const types: RecentInteraction['type'][] = ['play', 'play', 'like', 'favorite', 'skip'];
  for (let i = 0; i < 50; i++) {
    const t = tracks[skewed(random, tracks.length)];
    profile.recentInteractions.push({
      trackId: t.trackId,
      type: types[i % types.length],
      genre: t.genre,
      artist: t.artist,
    });
  }
  profile.version = 450;
  return profile;
}

/** Co-listening from `listeners` synthetic listeners, each liking 40 tracks clustered by genre. */
export function syntheticCoListening(tracks: CatalogTrack[], listeners: number, seed = 11): CoListening {
  const random = mulberry32(seed);
  const model = new CoListening();
  for (let l = 0; l < listeners; l++) {
    const base = skewed(random, tracks.length);
    for (let k = 0; k < 40; k++) {
      const near = Math.min(tracks.length - 1, base + Math.floor(random() * 2000));
      const t = random() < 0.7 ? tracks[near] : tracks[skewed(random, tracks.length)];
      model.observe({
        listenerId: `l${l}`,
        streamVersion: k + 1,
        trackId: t.trackId,
        type: random() < 0.5 ? 'play' : 'like',
      });
    }
  }
  return model;
}

const heapUsed = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

async function timed(run: () => unknown, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await run();
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return out;
}

/** Issue 4's benchmark: a playlist of 20 from 10k / 50k / 100k tracks, uncached and cached, and memory per track. */
export async function benchPlaylist(options: PlaylistBenchOptions) {
  const { log } = options;
  const sizes = options.sizes ?? DEFAULT_PLAYLIST_SIZES;
  const samples = options.samples ?? 400;
  // Other work on the machine shows in every latency here: the load average is part of the result.
  const loadBefore = loadavg().map((x) => round(x, 2));
  const results = [];
  for (const n of sizes) {
    log(`playlist: building a ${n.toLocaleString('en-US')}-track catalog`);
    const tracks = syntheticCatalog(n);
    const before = heapUsed();
    const index = new CatalogIndex();
    for (let at = 0; at < tracks.length; at += 1000) index.applyTracks(tracks.slice(at, at + 1000));
    const heapDelta = heapUsed() - before;
    const coListening = syntheticCoListening(tracks, options.listeners ?? 2000);
    const profile = realisticProfile(tracks);
    const random = mulberry32(3);
    const social: SocialTrack[] = Array.from({ length: 50 }, () => ({
      trackId: tracks[Math.floor(random() * n)].trackId,
      weight: random() * 2,
      friends: 1 + Math.floor(random() * 3),
    }));
    const generator = new PlaylistGenerator(index, { coListening });
    let turn = 0;
    const request = () => ({
      size: 20,
      exclude: 'played' as const,
      hour: turn % 24,
      activity: ACTIVITIES[turn % ACTIVITIES.length],
      seed: turn++,
    });

    log(`playlist: ${samples} uncached playlists of 20 from ${n.toLocaleString('en-US')} tracks`);
    await timed(() => generator.generate(profile, request(), { social }), PLAYLIST_WARMUP);
    const uncached = latencySummary(
      await timed(() => generator.generate(profile, request(), { social }), samples),
    );

    log(`playlist: ${samples} cached playlists (LruHotCache, same profile version and options)`);
    const cache = new LruHotCache();
    const service = new PlaylistService({
      generator,
      profiles: { getProfile: async () => ({ profile, version: profile.version }) },
      cache,
      social: async () => social,
    });
    const ask = { listenerId: 'bench', size: 20, exclude: 'played' as const, hour: 18 };
    await service.generate(ask);
    await timed(() => service.generate(ask), 50);
    const cached = latencySummary(await timed(() => service.generate(ask), samples));
    if (service.stats.misses !== 1) throw new Error(`expected one miss, got ${service.stats.misses}`);

    // The raw limit beside it: one bare pass reading the same columns (no scoring, no selection).
    const columns = index.columns();
    const rawPass = () => {
      let sum = 0;
      for (let i = 0; i < columns.size; i++) {
        const e = columns.energy[i];
        sum +=
          (e === e ? e : 0.5) +
          columns.genreCode[i] +
          columns.artistCode[i] +
          columns.tempoCode[i] +
          columns.moodCode[i] +
          columns.popularity[i];
      }
      return sum;
    };
    await timed(rawPass, 50);
    const raw = latencySummary(await timed(rawPass, samples));

    const playlist = generator.generate(profile, { size: 20, exclude: 'played' }, { social });
    results.push({
      tracks: n,
      uncachedMs: roundSummary(uncached),
      cachedMs: roundSummary(cached),
      uncachedNsPerTrack: round((uncached.p50 * 1e6) / n, 1),
      rawColumnPassMs: roundSummary(raw),
      heapBytesPerTrack: round(heapDelta / n),
      indexBytesPerTrack: round(index.memoryBytes() / n),
      discoveries: playlist.filter((p) => p.discovery).length,
      distinctArtists: new Set(playlist.map((p) => p.artist)).size,
      sampleReasons: [...new Set(playlist.map((p) => p.reason.replace(/"[^"]*"/, '"…"')))].slice(0, 6),
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    });
  }
  const loadAverage = { before: loadBefore, after: loadavg().map((x) => round(x, 2)) };
  return { playlistSize: 20, samples, warmup: PLAYLIST_WARMUP, loadAverage, results };
}

function roundSummary(s: ReturnType<typeof latencySummary>) {
  return {
    samples: s.samples,
    p50: round(s.p50, 3),
    p90: round(s.p90, 3),
    p99: round(s.p99, 3),
    max: round(s.max, 3),
  };
}
