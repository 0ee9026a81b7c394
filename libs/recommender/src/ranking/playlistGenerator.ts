import { CatalogIndex, TEMPO_CODES, type CatalogColumns } from '@qfzz/catalog';
import type { PlaylistTrack } from '@qfzz/contracts';
import { copyWith, type TasteProfile } from '@qfzz/domain';
import {
  discoveryPickCount,
  genreAffinity,
  mulberry32,
  SEED_SCORE_WEIGHTS,
  tasteKey,
  tempoMatch,
  UNKNOWN_ENERGY_MATCH,
  UNKNOWN_MOOD_MATCH,
  type SeedScoreParts,
} from '@qfzz/recsys';
import type { CoListening } from '../coListening/coListening';
import { seedOf } from './betaSample';
import { DEFAULT_BLEND_WEIGHTS, type BlendWeights, type ScoreComponents } from './blendWeights';
import { maturedDiscoveryFactor } from './discoveryMaturity';
import { GenreBandit } from './genreBandit';
import { contextFit, contextTarget, type ContextTarget } from './listeningContext';
import { becauseYouLiked, discoveryPick, friendsLoveThis, popularPick, tasteReason } from './reasons';
import {
  ARTIST_STRIDE,
  F_COLLAB,
  F_SOCIAL,
  GENRE_STRIDE,
  P_CTX_DANCEABILITY,
  P_CTX_DANCEABILITY_WEIGHT,
  P_CTX_ENERGY,
  P_CTX_ENERGY_WEIGHT,
  P_CTX_TOTAL,
  P_CTX_VALENCE,
  P_CTX_VALENCE_WEIGHT,
  P_FAMILIAR_SLOT,
  P_HAS_CONTEXT,
  P_TASTE_ENERGY,
  P_W_COLLAB,
  P_W_CONTENT,
  P_W_CONTEXT,
  P_W_POPULARITY,
  P_W_SOCIAL,
  PARAM_COUNT,
  RowPack,
  scoringPass,
  type ScoringInputs,
} from './scoringPass';
import { RowList } from './rowList';
import { TopBuffer } from './topBuffer';

export const DEFAULT_PLAYLIST_SIZE = 20;
export const MAX_PLAYLIST_SIZE = 100;
/** At most this many tracks by one artist per 20 picks. */
export const ARTISTS_PER_TWENTY = 2;
/** MMR-like: each pick already in a genre lowers the next one's adjusted score by this. */
export const GENRE_REPEAT_PENALTY = 0.02;
/** Familiar candidates kept per playlist slot for re-ranking. */
const FAMILIAR_CANDIDATES_PER_SLOT = 5;
/** Seed weight per kind of recent positive act (a skip removes the track). */
const SEED_WEIGHTS = { play: 0.4, like: 0.8, favorite: 1, rate: 0.5 } as const;
/** Older seeds count less: × this per more recent act. */
const SEED_DECAY = 0.97;

export interface PlaylistOptions {
  /** 1..100, default 20. */
  size?: number;
  /** `played`: leave out what the listener reacted to recently. */
  exclude?: 'played';
  mood?: string;
  activity?: string;
  hour?: number;
  /** 0..1: overrides the profile's (matured) discovery factor. */
  discovery?: number;
  /** Seeds the exploration; default: a hash of the listener, the profile version and the options. */
  seed?: number;
}

/** A friend-liked track, as the trust service's `socialSignal` names it. */
export interface SocialTrack {
  trackId: string;
  weight: number;
  friends: number;
}

export interface PlaylistSignals {
  social?: readonly SocialTrack[];
}

export interface RankedPick extends PlaylistTrack {
  row: number;
  /** Each signal 0..1 before weighting. */
  components: ScoreComponents;
  /** The seed formula's parts, as `seedScore` gives them. */
  seedParts: SeedScoreParts;
}

export interface PlaylistGeneratorOptions {
  coListening?: CoListening;
  weights?: Partial<BlendWeights>;
  /** How often the co-listening popularity prior is refreshed at most. Default 5 s; 0 = every call. */
  popularityRefreshMs?: number;
  now?: () => number;
}

/** Mean and spread of each component over the catalog's candidates: a reason names what stands out most. */
type ComponentStats = Record<keyof ScoreComponents, { mean: number; sd: number }>;

/** A component must reach this to be named as a reason (a faint co-listening link is no "because"). */
const MIN_REASON_VALUE: Readonly<ScoreComponents> = {
  content: 0,
  collaborative: 0.2,
  social: 0.05,
  popularity: 0.5,
  context: 0.6,
};

interface Seed {
  trackId: string;
  weight: number;
  artist?: string;
  row?: number;
}

/** Per catalog version: names by code and derived columns. */
interface CatalogSnapshot {
  version: number;
  genreNames: (string | undefined)[];
  moodNames: (string | undefined)[];
  artistCodes: number;
}

/**
 * Scores every catalog track for one listener in one pass over the index's
 * typed-array columns, interleaved per catalog version into a `RowPack`
 * (linear in the catalog; see `scoringPass`), then picks a playlist:
 *
 * 1. **Blend** per track: the seed's content score (genre 30 % with similar
 *    genres at half, artist 25 %, energy 20 %, tempo 15 %, mood 10 % — the
 *    same numbers as `seedScore`), item-item co-listening with the listener's
 *    recent positives, friends' likes, a popularity prior, and the context
 *    (hour, activity, session mood), weighted by `BlendWeights` plus the
 *    context's strength, scaled to sum to 1.
 * 2. **Split** `round(size × discovery)` slots for tracks whose genre and
 *    artist are both new to the listener; the rest are familiar. The
 *    discovery factor is the request's, else the profile's matured one
 *    (`maturedDiscoveryFactor`).
 * 3. **Familiar slots**: best blended scores, re-ranked MMR-style (a small
 *    penalty per pick already in the genre) under an artist cap of 2 per 20.
 * 4. **Discovery slots**: a Thompson-sampling bandit over the new genres
 *    (`GenreBandit`, seeded so a request is reproducible) picks a genre per
 *    slot; the genre's best remaining track fills it.
 * 5. **Order**: familiar picks by score with discoveries spread evenly among
 *    them, and never the same artist back to back.
 *
 * Every pick says why in plain words, from the signal that lifts it most
 * above the catalog's average.
 */
export class PlaylistGenerator {
  private readonly weights: BlendWeights;
  private readonly coListening?: CoListening;
  private readonly popularityRefreshMs: number;
  private readonly now: () => number;

  /** The index's column views for the call in progress. */
  private columns: CatalogColumns = new CatalogIndex(1).columns();
  private readonly familiarTop = new TopBuffer(1);
  private readonly genreTops: TopBuffer[] = [];
  private snapshot: CatalogSnapshot = { version: -1, genreNames: [], moodNames: [], artistCodes: 1 };
  private prior = new Float32Array(0);
  private priorFromListening = new Uint8Array(0);
  private priorCatalogVersion = -1;
  private priorModelVersion = -1;
  private priorAt = -Infinity;
  private rowOfModelTrack = new Int32Array(0);
  private rowCacheVersion = -1;

  // Scratch, reset after each call (only the touched entries, listed here).
  private readonly touchedExcluded = new RowList();
  private readonly touchedCollab = new RowList();
  private readonly touchedSocial = new RowList();
  private excluded = new Uint8Array(0);
  private collab = new Float32Array(0);
  private collabBest = new Float32Array(0);
  private collabSeed = new Int32Array(0);
  private social = new Float32Array(0);
  private socialFriends = new Uint16Array(0);
  private artistWeight = new Float32Array(0);
  private artistKnown = new Uint8Array(0);
  private readonly touchedArtists: number[] = [];
  private readonly tables: ScoringInputs = {
    pack: new RowPack(),
    params: new Float64Array(PARAM_COUNT),
    slotTops: [],
  };
  private readonly slotTops: TopBuffer[] = [];
  private readonly sums = new Float64Array(7);
  /** Goes up each time the popularity prior is recomputed. */
  private priorStamp = 0;

  constructor(
    readonly index: CatalogIndex,
    options: PlaylistGeneratorOptions = {},
  ) {
    this.weights = { ...DEFAULT_BLEND_WEIGHTS, ...options.weights };
    this.coListening = options.coListening;
    this.popularityRefreshMs = options.popularityRefreshMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** The discovery factor a playlist for this profile uses when the request names none. */
  static discoveryFactorFor(profile: TasteProfile, requested?: number): number {
    if (requested !== undefined) return Math.min(1, Math.max(0, requested));
    return maturedDiscoveryFactor(profile.discoveryFactor, profile.interactionCount);
  }

  generate(
    profile: TasteProfile,
    options: PlaylistOptions = {},
    signals: PlaylistSignals = {},
  ): RankedPick[] {
    const index = this.index;
    const columns = (this.columns = index.columns());
    const n = columns.size;
    const size = Math.min(MAX_PLAYLIST_SIZE, Math.max(1, Math.floor(options.size ?? DEFAULT_PLAYLIST_SIZE)));
    if (n === 0) return [];
    this.refreshSnapshot(n);
    const snap = this.snapshot;

    const discovery = PlaylistGenerator.discoveryFactorFor(profile, options.discovery);
    const discoverySlots = discoveryPickCount(size, discovery);
    const familiarSlots = size - discoverySlots;
    const maxPerArtist = Math.max(1, Math.ceil((size * ARTISTS_PER_TWENTY) / 20));

    // Lookup tables by code: the seed formula's parts that depend only on a code.
    const genreCount = snap.genreNames.length;
    const genreAff = new Float64Array(genreCount);
    const genreKnown = new Uint8Array(genreCount);
    for (let code = 1; code < genreCount; code++) {
      const name = snap.genreNames[code];
      if (name === undefined) continue;
      genreAff[code] = genreAffinity(profile.genres, name);
      genreKnown[code] = tasteKey(name) in profile.genres ? 1 : 0;
    }
    const touchedArtists = this.touchedArtists;
    touchedArtists.length = 0;
    for (const artist of Object.keys(profile.artists)) {
      const code = index.artistCodeOf(artist);
      if (code === undefined) continue;
      this.artistWeight[code] = profile.artists[artist];
      this.artistKnown[code] = 1;
      touchedArtists.push(code);
    }
    const moodCount = snap.moodNames.length;
    const moodTable = new Float64Array(moodCount);
    moodTable[0] = UNKNOWN_MOOD_MATCH;
    for (let code = 1; code < moodCount; code++) {
      const name = snap.moodNames[code];
      moodTable[code] = name === undefined ? 0 : (profile.moods[tasteKey(name)] ?? 0);
    }
    const tempoTable = TEMPO_CODES.map((tempo) => tempoMatch(profile.tempoPreference, tempo));

    // Context tables.
    const target = contextTarget({
      hour: options.hour,
      activity: options.activity,
      mood: options.mood ?? profile.currentMood,
    });
    const ctxTotal =
      target.energyWeight +
        target.tempoWeight +
        target.moodWeight +
        target.valenceWeight +
        target.danceabilityWeight || 1;

    // Blend weights, scaled to sum to 1.
    const raw = this.weights;
    const total = raw.content + raw.collaborative + raw.social + raw.popularity + target.strength;
    const wContent = raw.content / total;
    const wCollab = raw.collaborative / total;
    const wSocial = raw.social / total;
    const wPop = raw.popularity / total;
    const wContext = target.strength / total;

    // Sparse signals into scratch columns (and into the row pack's lanes for the pass).
    const pack = this.tables.pack;
    const touchedExcluded = this.touchedExcluded.clear();
    if (options.exclude === 'played') this.markPlayed(profile, touchedExcluded);
    const seeds = this.seedsOf(profile);
    const touchedCollab = this.spreadCollaborative(seeds, this.touchedCollab.clear());
    const touchedSocial = this.spreadSocial(signals.social ?? [], this.touchedSocial.clear());
    this.refreshPrior(n);
    if (pack.priorStamp !== this.priorStamp) pack.setPrior(this.prior, this.priorStamp);
    pack.markExcluded(touchedExcluded, 1);
    pack.setLane(touchedCollab, F_COLLAB, this.collab);
    pack.setLane(touchedSocial, F_SOCIAL, this.social);

    const familiarTop = this.familiarTop.reset(Math.min(n, size * FAMILIAR_CANDIDATES_PER_SLOT));
    const genreTopCapacity = Math.min(
      size,
      Math.max(3, Math.ceil((2 * size) / Math.max(1, genreCount - 1)) + maxPerArtist),
    );
    // Heaps are reused between calls: a heap from the last call is emptied before its first offer.
    const genreTops = this.genreTops;
    while (genreTops.length < genreCount) genreTops.push(new TopBuffer(genreTopCapacity));
    for (let code = 0; code < genreCount; code++) genreTops[code].reset(genreTopCapacity);
    // Slots: a heap per genre for rows new to the listener, then the familiar heap.
    const familiarSlot = genreCount;
    const slotTops = this.slotTops;
    slotTops.length = 0;
    for (let code = 0; code < genreCount; code++) slotTops.push(genreTops[code]);
    slotTops.push(familiarTop);

    // Each code's weighted part, once per request: the pass only adds them up. Each entry is
    // the product the formula takes per row, so every score is the same to the last bit.
    const table = pack.table;
    for (let code = 0; code < genreCount; code++) {
      const at = pack.genreAt + code * GENRE_STRIDE;
      table[at] = W_GENRE * genreAff[code];
      table[at + 1] = genreKnown[code] === 1 ? familiarSlot : code;
    }
    for (const code of touchedArtists) {
      const at = pack.artistAt + code * ARTIST_STRIDE;
      table[at] = W_ARTIST * this.artistWeight[code];
      table[at + 1] = 1;
    }
    for (let tc = 0; tc < TEMPO_CODES.length; tc++) {
      const tempoPart = W_TEMPO * tempoTable[tc];
      const ctxTempoPart =
        target.tempoWeight * (target.tempo === undefined ? 0 : tempoMatch(target.tempo, TEMPO_CODES[tc]));
      for (let mc = 0; mc < moodCount; mc++) {
        const name = snap.moodNames[mc];
        const ctxMood = mc === 0 ? 0.5 : name === undefined ? 0 : (target.moods[name] ?? 0);
        const at = pack.tempoMoodEntry(tc, mc);
        table[at] = tempoPart;
        table[at + 1] = W_MOOD * moodTable[mc];
        table[at + 2] = ctxTempoPart;
        table[at + 3] = target.moodWeight * ctxMood;
      }
    }
    const tables = this.tables;
    tables.pack = pack;
    tables.slotTops = slotTops;
    const params = tables.params;
    params[P_TASTE_ENERGY] = profile.energyLevel;
    params[P_W_CONTENT] = wContent;
    params[P_W_COLLAB] = wCollab;
    params[P_W_SOCIAL] = wSocial;
    params[P_W_POPULARITY] = wPop;
    params[P_W_CONTEXT] = wContext;
    params[P_HAS_CONTEXT] = target.strength > 0 ? 1 : 0;
    params[P_CTX_ENERGY] = target.energy ?? 0;
    params[P_CTX_ENERGY_WEIGHT] = target.energy === undefined ? 0 : target.energyWeight;
    params[P_FAMILIAR_SLOT] = familiarSlot;
    params[P_CTX_VALENCE] = target.valence ?? 0;
    params[P_CTX_VALENCE_WEIGHT] = target.valence === undefined ? 0 : target.valenceWeight;
    params[P_CTX_DANCEABILITY] = target.danceability ?? 0;
    params[P_CTX_DANCEABILITY_WEIGHT] = target.danceability === undefined ? 0 : target.danceabilityWeight;
    params[P_CTX_TOTAL] = ctxTotal;
    const sums = this.sums;
    scoringPass(tables, sums);
    const [sumContent, sqContent, sumContext, sqContext, sumPop, sqPop, scored] = sums;

    // Selection.
    const artistCounts = new Map<number, number>();
    const genreCounts = new Map<number, number>();
    const taken = new Set<number>();
    const familiarCandidates = familiarTop.sorted();
    const familiarPicks = this.pickFamiliar(
      familiarCandidates,
      familiarSlots,
      maxPerArtist,
      artistCounts,
      genreCounts,
      taken,
    );

    const random = mulberry32(
      options.seed ?? seedOf(`${profile.listenerId}:${profile.version}:${JSON.stringify(options)}`),
    );
    const discoveryLists = new Map<string, { row: number; score: number }[]>();
    const arms: { genre: string; fit: number }[] = [];
    for (let code = 1; code < genreCount; code++) {
      const top = genreTops[code];
      const name = snap.genreNames[code];
      if (top.size === 0 || name === undefined) continue;
      const list = top.sorted();
      discoveryLists.set(name, list);
      arms.push({ genre: name, fit: list[0].score });
    }
    const bandit = new GenreBandit(arms, profile.recentInteractions, random);
    const discoveryPicks: { row: number; score: number }[] = [];
    const pickFamiliar = (slots: number, cap: number) =>
      familiarPicks.push(
        ...this.pickFamiliar(familiarCandidates, slots, cap, artistCounts, genreCounts, taken),
      );
    const pickDiscoveries = (slots: number, cap: number) =>
      discoveryPicks.push(...this.pickDiscoveries(bandit, discoveryLists, slots, cap, artistCounts, taken));
    const missing = () => size - familiarPicks.length - discoveryPicks.length;
    const relaxing = (fill: (slots: number, cap: number) => void) => {
      for (let cap = maxPerArtist * 2; missing() > 0 && cap < size * 2; cap *= 2) fill(missing(), cap);
    };
    if (discoverySlots === 0) {
      // "Only what I know": relax the artist cap before anything new comes in.
      relaxing(pickFamiliar);
      pickDiscoveries(missing(), maxPerArtist);
      relaxing(pickDiscoveries);
    } else if (familiarSlots === 0) {
      pickDiscoveries(size, maxPerArtist);
      relaxing(pickDiscoveries);
      pickFamiliar(missing(), maxPerArtist);
      relaxing(pickFamiliar);
    } else {
      // A pool that runs dry under the cap is filled from the other before the cap is relaxed.
      pickDiscoveries(discoverySlots + Math.max(0, familiarSlots - familiarPicks.length), maxPerArtist);
      pickFamiliar(missing(), maxPerArtist);
      relaxing(pickFamiliar);
      relaxing(pickDiscoveries);
    }

    const rows = Math.max(1, scored);
    const spread = (sum: number, squares: number) => {
      const mean = sum / rows;
      return { mean, sd: Math.sqrt(Math.max(0, squares / rows - mean * mean)) };
    };
    const sparse = (touched: RowList, column: Float32Array) => {
      const sums = this.sums;
      sumOfRows(touched, column, sums);
      return spread(sums[0], sums[1]);
    };
    const stats: ComponentStats = {
      content: spread(sumContent, sqContent),
      collaborative: sparse(touchedCollab, this.collab),
      social: sparse(touchedSocial, this.social),
      popularity: spread(sumPop, sqPop),
      context: spread(sumContext, sqContext),
    };
    const blend = {
      content: wContent,
      collaborative: wCollab,
      social: wSocial,
      popularity: wPop,
      context: wContext,
    };
    familiarPicks.sort((x, y) => y.score - x.score || x.row - y.row);
    const ordered = interleave(
      familiarPicks.map((c) => copyWith(c, { discovery: false })),
      discoveryPicks.map((c) => copyWith(c, { discovery: true })),
    );
    const picks = ordered.map((c) =>
      this.describe(c.row, c.score, c.discovery, profile, target, seeds, blend, stats, {
        genreAff,
        moodTable,
        tempoTable,
      }),
    );
    avoidBackToBackArtists(picks);

    // Reset the scratch columns and the row pack's request lanes for the next call.
    pack.markExcluded(touchedExcluded, 0);
    pack.setLane(touchedCollab, F_COLLAB);
    pack.setLane(touchedSocial, F_SOCIAL);
    clearRows(touchedExcluded, this.excluded, 0);
    clearRows(touchedCollab, this.collab, 0);
    clearRows(touchedCollab, this.collabBest, 0);
    clearRows(touchedCollab, this.collabSeed, -1);
    clearRows(touchedSocial, this.social, 0);
    clearRows(touchedSocial, this.socialFriends, 0);
    for (const code of touchedArtists) {
      this.artistWeight[code] = 0;
      this.artistKnown[code] = 0;
      pack.table[pack.artistAt + code * ARTIST_STRIDE] = 0;
      pack.table[pack.artistAt + code * ARTIST_STRIDE + 1] = 0;
    }
    return picks;
  }

  private pickFamiliar(
    candidates: { row: number; score: number }[],
    slots: number,
    maxPerArtist: number,
    artistCounts: Map<number, number>,
    genreCounts: Map<number, number>,
    taken: Set<number>,
  ): { row: number; score: number }[] {
    const columns = this.columns;
    const picks: { row: number; score: number }[] = [];
    while (picks.length < slots) {
      let best = -1;
      let bestAdjusted = -Infinity;
      for (let at = 0; at < candidates.length; at++) {
        const c = candidates[at];
        if (taken.has(c.row)) continue;
        if ((artistCounts.get(columns.artistCode[c.row]) ?? 0) >= maxPerArtist) continue;
        const adjusted = c.score - GENRE_REPEAT_PENALTY * (genreCounts.get(columns.genreCode[c.row]) ?? 0);
        if (adjusted > bestAdjusted) {
          bestAdjusted = adjusted;
          best = at;
        }
        // Sorted by score: nothing further down can beat the best adjusted score once its raw score is lower.
        if (c.score < bestAdjusted) break;
      }
      if (best === -1) break;
      const c = candidates[best];
      taken.add(c.row);
      bump(artistCounts, columns.artistCode[c.row]);
      bump(genreCounts, columns.genreCode[c.row]);
      picks.push(c);
    }
    return picks;
  }

  private pickDiscoveries(
    bandit: GenreBandit,
    lists: Map<string, { row: number; score: number }[]>,
    slots: number,
    maxPerArtist: number,
    artistCounts: Map<number, number>,
    taken: Set<number>,
  ): { row: number; score: number }[] {
    const columns = this.columns;
    const picks: { row: number; score: number }[] = [];
    while (picks.length < slots) {
      const genre = bandit.pick();
      if (genre === undefined) break;
      const list = lists.get(genre) ?? [];
      const at = list.findIndex(
        (c) => !taken.has(c.row) && (artistCounts.get(columns.artistCode[c.row]) ?? 0) < maxPerArtist,
      );
      if (at === -1) {
        bandit.close(genre);
        continue;
      }
      const c = list[at];
      taken.add(c.row);
      bump(artistCounts, columns.artistCode[c.row]);
      picks.push(c);
      if (list.every((other) => taken.has(other.row))) bandit.close(genre);
    }
    return picks;
  }

  /** The pick as the listener sees it, with its components and the reason from the strongest one. */
  private describe(
    row: number,
    score: number,
    discovery: boolean,
    profile: TasteProfile,
    target: ContextTarget,
    seeds: Seed[],
    blend: ScoreComponents,
    stats: ComponentStats,
    tables: { genreAff: Float64Array; moodTable: Float64Array; tempoTable: number[] },
  ): RankedPick {
    const columns = this.columns;
    const track = this.index.trackAt(row);
    const e = columns.energy[row];
    const seedParts: SeedScoreParts = {
      genre: tables.genreAff[columns.genreCode[row]],
      artist: profile.artists[track.artist] ?? 0,
      energy: e === e ? 1 - Math.abs(e - profile.energyLevel) : UNKNOWN_ENERGY_MATCH,
      tempo: tables.tempoTable[columns.tempoCode[row]],
      mood: tables.moodTable[columns.moodCode[row]],
    };
    const W = SEED_SCORE_WEIGHTS;
    const content =
      W.genre * seedParts.genre +
      W.artist * seedParts.artist +
      W.energy * seedParts.energy +
      W.tempo * seedParts.tempo +
      W.mood * seedParts.mood;
    const components: ScoreComponents = {
      content,
      collaborative: this.collab[row],
      social: this.social[row],
      popularity: this.prior[row],
      context: contextFit(target, {
        energy: e,
        valence: columns.valence[row],
        danceability: columns.danceability[row],
        tempo: TEMPO_CODES[columns.tempoCode[row]],
        mood: track.mood,
      }),
    };
    const friends = this.socialFriends[row];

    let reason: string;
    if (discovery) {
      reason = discoveryPick(track.genre);
      if (friends > 0) reason += ` — ${friendsLoveThis(friends)}`;
    } else {
      let strongest: keyof ScoreComponents = 'content';
      let lift = -Infinity;
      for (const key of ['content', 'collaborative', 'social', 'popularity', 'context'] as const) {
        if (blend[key] === 0 || components[key] < MIN_REASON_VALUE[key]) continue;
        const l = (components[key] - stats[key].mean) / (stats[key].sd || 1);
        if (l > lift) {
          lift = l;
          strongest = key;
        }
      }
      if (strongest === 'collaborative') {
        const seed = seeds[this.collabSeed[row]];
        const seedTrack = seed?.row !== undefined ? this.index.trackAt(seed.row) : undefined;
        reason = becauseYouLiked(seedTrack?.title, seedTrack?.artist ?? seed?.artist);
      } else if (strongest === 'social' && friends > 0) {
        reason = friendsLoveThis(friends);
      } else if (strongest === 'popularity') {
        reason = popularPick(this.priorFromListening[row] === 1);
      } else if (strongest === 'context' && target.phrase) {
        reason = target.phrase;
      } else {
        reason = tasteReason(profile, track, seedParts);
      }
    }
    return {
      trackId: track.trackId,
      title: track.title,
      artist: track.artist,
      genre: track.genre,
      score: Math.round(score * 10_000) / 10_000,
      reason,
      discovery,
      row,
      components,
      seedParts,
    };
  }

  /** Names by code and scratch sizes, refreshed when the catalog changed. */
  private refreshSnapshot(n: number): void {
    const index = this.index;
    if (this.snapshot.version !== index.version) {
      const genreNames: (string | undefined)[] = [undefined];
      for (let code = 1; ; code++) {
        const name = index.genreName(code);
        if (name === undefined) break;
        genreNames.push(name);
      }
      const moodNames: (string | undefined)[] = [undefined];
      for (let code = 1; ; code++) {
        const name = index.moodName(code);
        if (name === undefined) break;
        moodNames.push(name);
      }
      let artistCodes = this.snapshot.artistCodes;
      while (index.artistName(artistCodes) !== undefined) artistCodes++;
      this.snapshot = { version: index.version, genreNames, moodNames, artistCodes };
    }
    if (this.tables.pack.version !== index.version)
      this.tables.pack.rebuild(
        index.columns(),
        {
          genres: this.snapshot.genreNames.length,
          moods: this.snapshot.moodNames.length,
          artists: this.snapshot.artistCodes,
        },
        index.version,
      );
    if (this.excluded.length < n) {
      const capacity = Math.max(n, this.excluded.length * 2);
      this.excluded = new Uint8Array(capacity);
      this.collab = new Float32Array(capacity);
      this.collabBest = new Float32Array(capacity);
      this.collabSeed = new Int32Array(capacity).fill(-1);
      this.social = new Float32Array(capacity);
      this.socialFriends = new Uint16Array(capacity);
    }
    if (this.artistWeight.length < this.snapshot.artistCodes) {
      const capacity = Math.max(this.snapshot.artistCodes, this.artistWeight.length * 2);
      this.artistWeight = new Float32Array(capacity);
      this.artistKnown = new Uint8Array(capacity);
    }
  }

  /** Catalog popularity (0..1), or co-listening counts where the catalog has none; refreshed at most every `popularityRefreshMs`. */
  private refreshPrior(n: number): void {
    const index = this.index;
    const model = this.coListening;
    const modelVersion = model?.version ?? 0;
    const catalogChanged = this.priorCatalogVersion !== index.version || this.prior.length < n;
    const modelChanged =
      modelVersion !== this.priorModelVersion && this.now() - this.priorAt >= this.popularityRefreshMs;
    if (!catalogChanged && !modelChanged) return;
    const popularity = index.columns().popularity;
    const prior = new Float32Array(Math.max(n, this.excluded.length));
    const fromListening = new Uint8Array(prior.length);
    for (let i = 0; i < n; i++) {
      const p = popularity[i];
      prior[i] = p === p ? p / 100 : 0;
    }
    if (model && model.maxTrackEntries > 0) {
      const scale = Math.log1p(model.maxTrackEntries);
      for (let id = 0; id < model.trackCount; id++) {
        const row = this.rowOfModel(id);
        if (row < 0 || popularity[row] === popularity[row]) continue;
        prior[row] = Math.log1p(model.entriesOf(model.trackIdOf(id))) / scale;
        fromListening[row] = 1;
      }
    }
    this.prior = prior;
    this.priorStamp++;
    this.priorFromListening = fromListening;
    this.priorCatalogVersion = index.version;
    this.priorModelVersion = modelVersion;
    this.priorAt = this.now();
  }

  /** Catalog row of a co-listening track id (−1 when not in the catalog), cached per catalog version. */
  private rowOfModel(id: number): number {
    const model = this.coListening as CoListening;
    this.freshRowCache();
    if (id >= this.rowOfModelTrack.length) {
      const grown = new Int32Array(Math.max(id + 1, this.rowOfModelTrack.length * 2)).fill(-2);
      grown.set(this.rowOfModelTrack);
      this.rowOfModelTrack = grown;
    }
    let row = this.rowOfModelTrack[id];
    if (row === -2) {
      row = this.index.rowOf(model.trackIdOf(id)) ?? -1;
      this.rowOfModelTrack[id] = row;
    }
    return row;
  }

  /** The cache of `rowOfModel` (−2 = not looked up yet), emptied when the catalog changed. */
  private freshRowCache(): Int32Array {
    if (this.rowCacheVersion !== this.index.version) {
      const model = this.coListening as CoListening;
      this.rowOfModelTrack = new Int32Array(Math.max(16, model.trackCount)).fill(-2);
      this.rowCacheVersion = this.index.version;
    }
    return this.rowOfModelTrack;
  }

  private markPlayed(profile: TasteProfile, touched: RowList): void {
    const excluded = this.excluded;
    for (const interaction of profile.recentInteractions) {
      const row = this.index.rowOf(interaction.trackId);
      if (row !== undefined && excluded[row] === 0) {
        excluded[row] = 1;
        touched.push(row);
      }
    }
    const model = this.coListening;
    if (model) {
      // Internal ids to rows through the per-catalog-version cache: no string per heard track.
      const heard = model.heardIds(profile.listenerId);
      for (let k = 0; k < heard.length; k++) {
        const row = this.rowOfModel(heard[k]);
        if (row >= 0 && excluded[row] === 0) {
          excluded[row] = 1;
          touched.push(row);
        }
      }
    }
  }

  /** The listener's recent positive tracks, newest weighing most; a later skip removes one. */
  private seedsOf(profile: TasteProfile): Seed[] {
    const byTrack = new Map<string, Seed>();
    const interactions = profile.recentInteractions;
    for (let i = 0; i < interactions.length; i++) {
      const { trackId, type, artist } = interactions[i];
      if (type === 'skip') {
        byTrack.delete(trackId);
        continue;
      }
      const weight = SEED_WEIGHTS[type] * Math.pow(SEED_DECAY, interactions.length - 1 - i);
      const seed = byTrack.get(trackId);
      if (!seed || seed.weight < weight) byTrack.set(trackId, { trackId, weight, artist });
    }
    const model = this.coListening;
    const recent = model?.recentPositiveIds(profile.listenerId) ?? [];
    for (let i = 0; i < recent.length; i++) {
      const trackId = (model as CoListening).trackIdOf(recent[i]);
      if (byTrack.has(trackId)) continue;
      byTrack.set(trackId, {
        trackId,
        weight: SEED_WEIGHTS.play * Math.pow(SEED_DECAY, recent.length - 1 - i),
      });
    }
    const seeds = [...byTrack.values()];
    for (const seed of seeds) seed.row = this.index.rowOf(seed.trackId);
    return seeds;
  }

  /** Co-listening similarity to the seeds, summed per candidate row and scaled so the best is 1. */
  private spreadCollaborative(seeds: Seed[], touched: RowList): RowList {
    const model = this.coListening;
    if (!model || seeds.length === 0) return touched;
    const collab = this.collab;
    const collabBest = this.collabBest;
    const collabSeed = this.collabSeed;
    let rowCache = this.freshRowCache();
    let max = 0;
    for (let s = 0; s < seeds.length; s++) {
      const seed = seeds[s];
      const id = model.internalIdOf(seed.trackId);
      if (id === undefined) continue;
      // The neighbours as typed arrays, in the model's order (so sums add up in the same order).
      const { count, ids, similarities } = model.neighbourList(id);
      for (let k = 0; k < count; k++) {
        const other = ids[k];
        let row = other < rowCache.length ? rowCache[other] : -2;
        if (row === -2) {
          row = this.rowOfModel(other);
          rowCache = this.rowOfModelTrack;
        }
        if (row < 0) continue;
        const value = seed.weight * similarities[k];
        if (collab[row] === 0) touched.push(row);
        collab[row] += value;
        if (collab[row] > max) max = collab[row];
        if (value > collabBest[row]) {
          collabBest[row] = value;
          collabSeed[row] = s;
        }
      }
    }
    if (max > 0) scaleRows(touched, collab, max);
    return touched;
  }

  private spreadSocial(tracks: readonly SocialTrack[], touched: RowList): RowList {
    let max = 0;
    for (const t of tracks) if (t.weight > max) max = t.weight;
    if (max <= 0) return touched;
    for (const t of tracks) {
      const row = this.index.rowOf(t.trackId);
      if (row === undefined || !(t.weight > 0)) continue;
      if (this.social[row] === 0) touched.push(row);
      this.social[row] = Math.max(this.social[row], t.weight / max);
      this.socialFriends[row] = Math.max(this.socialFriends[row], Math.min(65_535, Math.max(1, t.friends)));
    }
    return touched;
  }
}

const W_GENRE = SEED_SCORE_WEIGHTS.genre;
const W_ARTIST = SEED_SCORE_WEIGHTS.artist;
const W_TEMPO = SEED_SCORE_WEIGHTS.tempo;
const W_MOOD = SEED_SCORE_WEIGHTS.mood;

/** Sum and sum of squares of `column` over `list`, in its order, into `out[0]`, `out[1]`. */
function sumOfRows(list: RowList, column: Float32Array, out: Float64Array): void {
  const rows = list.rows;
  let sum = 0;
  let squares = 0;
  for (let k = 0; k < list.count; k++) {
    const value = column[rows[k]];
    sum += value;
    squares += value * value;
  }
  out[0] = sum;
  out[1] = squares;
}

/** Sets `column` back to `value` on `rows` (scratch columns are reset by what a call touched, not by a fill). */
function clearRows(
  list: RowList,
  column: Float32Array | Uint8Array | Uint16Array | Int32Array,
  value: number,
): void {
  const rows = list.rows;
  for (let k = 0; k < list.count; k++) column[rows[k]] = value;
}

/** Divides `column` by `by` on `rows`. */
function scaleRows(list: RowList, column: Float32Array, by: number): void {
  const rows = list.rows;
  for (let k = 0; k < list.count; k++) column[rows[k]] /= by;
}

function bump(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Familiar picks in order with the discoveries spread evenly among them (slot k of D at ⌊(k + ½) × total / D⌋). */
function interleave<T>(familiar: T[], discoveries: T[]): T[] {
  const total = familiar.length + discoveries.length;
  const discoveryAt = new Set<number>();
  for (let k = 0; k < discoveries.length; k++)
    discoveryAt.add(Math.floor(((k + 0.5) * total) / discoveries.length));
  const out: T[] = [];
  let f = 0;
  let d = 0;
  for (let at = 0; at < total; at++) {
    if ((discoveryAt.has(at) && d < discoveries.length) || f >= familiar.length) out.push(discoveries[d++]);
    else out.push(familiar[f++]);
  }
  return out;
}

/** Moves a pick whose artist equals the one before it behind the next pick by someone else. */
export function avoidBackToBackArtists(picks: { artist: string }[]): void {
  for (let i = 1; i < picks.length; i++) {
    if (picks[i].artist !== picks[i - 1].artist) continue;
    let j = i + 1;
    while (j < picks.length && picks[j].artist === picks[i - 1].artist) j++;
    if (j >= picks.length) return;
    const [moved] = picks.splice(j, 1);
    picks.splice(i, 0, moved);
  }
}
