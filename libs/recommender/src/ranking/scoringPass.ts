import type { CatalogColumns } from '@qfzz/catalog';
import { SEED_SCORE_WEIGHTS, UNKNOWN_ENERGY_MATCH } from '@qfzz/recsys';
import type { RowList } from './rowList';
import type { TopBuffer } from './topBuffer';

/*
 * The scoring pass reads every catalog row, so its cost per row is the
 * playlist's cost. V8 re-checks each typed array a loop this size reads on
 * every iteration (map, buffer, bounds: nothing is hoisted out of the loop),
 * so the pass reads three arrays: a row's numbers interleaved in one
 * Float32Array, its codes in one Int32Array (each already the index of its
 * entry in the table), and one Float64Array table of the per-request numbers
 * by code. Per row: table reads and multiply-adds; no strings, maps, closures
 * or allocation; a call only when a row beats the worst candidate its heap
 * keeps.
 */

/** Numbers per row in `RowPack.features`. */
export const FEATURE_STRIDE = 6;
export const F_ENERGY = 0;
export const F_VALENCE = 1;
export const F_DANCEABILITY = 2;
/** The popularity prior (0..1). */
export const F_PRIOR = 3;
/** Per request: co-listening (0..1), only on the rows it touches. */
export const F_COLLAB = 4;
/** Per request: friends' likes (0..1), only on the rows it touches. */
export const F_SOCIAL = 5;

/** Codes per row in `RowPack.codes`: each the index in `RowPack.table` where the code's entry starts. */
export const CODE_STRIDE = 4;
export const C_GENRE = 0;
export const C_ARTIST = 1;
/** Tempo and mood: one entry per (tempo code, mood code) pair. */
export const C_TEMPO_MOOD = 2;
/** Per request: 1 when the row is left out (`exclude: played`). */
export const C_EXCLUDED = 3;

/** Per genre code: W_genre × affinity, the heap slot of a row new to the listener. */
export const GENRE_STRIDE = 2;
/** Per artist code: W_artist × weight, 1 when the listener knows the artist. */
export const ARTIST_STRIDE = 2;
/** Per (tempo, mood): W_tempo × match, W_mood × match, the context's tempo part, its mood part. */
export const TEMPO_MOOD_STRIDE = 4;
/** Tempo codes (`TEMPO_CODES`: none, slow, medium, fast). */
const TEMPO_CODE_COUNT = 4;

/**
 * The catalog's columns a scoring pass reads, interleaved per row, and one
 * table for the per-request numbers by code (genre, tempo and mood, heap
 * thresholds, a scratch number, artist), laid out when the catalog changes (`version`). The
 * per-request lanes (co-listening, friends, excluded) and the artist entries
 * are zero between requests: a request sets what it touches and clears it.
 */
export class RowPack {
  version = -1;
  rows = 0;
  moodStride = 1;
  /** Where each part of `table` starts. */
  genreAt = 0;
  tempoMoodAt = 0;
  thresholdAt = 0;
  /** One number handed to a heap through the table (a double passed in an array is not boxed). */
  scratchAt = 0;
  artistAt = 0;
  /** Which popularity prior the prior lane holds. */
  priorStamp = -1;
  features = new Float32Array(0);
  codes = new Int32Array(0);
  table = new Float64Array(0);

  /** Lays the pack out for the catalog as it is; `counts` are code counts (code 0 included). */
  rebuild(
    columns: CatalogColumns,
    counts: { genres: number; moods: number; artists: number },
    version: number,
  ): void {
    const n = columns.size;
    const genreCount = Math.max(1, counts.genres);
    const moodStride = Math.max(1, counts.moods);
    const genreAt = 0;
    const tempoMoodAt = genreAt + genreCount * GENRE_STRIDE;
    const thresholdAt = tempoMoodAt + TEMPO_CODE_COUNT * moodStride * TEMPO_MOOD_STRIDE;
    const scratchAt = thresholdAt + genreCount + 1;
    const artistAt = scratchAt + 1;
    this.table = new Float64Array(artistAt + Math.max(1, counts.artists) * ARTIST_STRIDE);
    if (this.codes.length < n * CODE_STRIDE) {
      const capacity = Math.max(n, Math.ceil((this.codes.length / CODE_STRIDE) * 1.5));
      this.features = new Float32Array(capacity * FEATURE_STRIDE);
      this.codes = new Int32Array(capacity * CODE_STRIDE);
    } else {
      this.features.fill(0);
      this.codes.fill(0);
    }
    const { energy, valence, danceability, tempoCode, genreCode, artistCode, moodCode } = columns;
    const features = this.features;
    const codes = this.codes;
    for (let i = 0; i < n; i++) {
      const f = i * FEATURE_STRIDE;
      features[f + F_ENERGY] = energy[i];
      features[f + F_VALENCE] = valence[i];
      features[f + F_DANCEABILITY] = danceability[i];
      const c = i * CODE_STRIDE;
      codes[c + C_GENRE] = genreAt + genreCode[i] * GENRE_STRIDE;
      codes[c + C_ARTIST] = artistAt + artistCode[i] * ARTIST_STRIDE;
      codes[c + C_TEMPO_MOOD] = tempoMoodAt + (tempoCode[i] * moodStride + moodCode[i]) * TEMPO_MOOD_STRIDE;
    }
    this.rows = n;
    this.moodStride = moodStride;
    this.genreAt = genreAt;
    this.tempoMoodAt = tempoMoodAt;
    this.thresholdAt = thresholdAt;
    this.scratchAt = scratchAt;
    this.artistAt = artistAt;
    this.version = version;
    this.priorStamp = -1;
  }

  setPrior(prior: Float32Array, stamp: number): void {
    const features = this.features;
    for (let i = 0; i < this.rows; i++) features[i * FEATURE_STRIDE + F_PRIOR] = prior[i];
    this.priorStamp = stamp;
  }

  /** Sets (1) or clears (0) the excluded mark of `rows`. */
  markExcluded(list: RowList, mark: 0 | 1): void {
    const codes = this.codes;
    const rows = list.rows;
    for (let k = 0; k < list.count; k++) codes[rows[k] * CODE_STRIDE + C_EXCLUDED] = mark;
  }

  /** Copies a per-request signal of `rows` into its lane, or clears it there (no `values`). */
  setLane(list: RowList, lane: typeof F_COLLAB | typeof F_SOCIAL, values?: Float32Array): void {
    const features = this.features;
    const rows = list.rows;
    for (let k = 0; k < list.count; k++) {
      const row = rows[k];
      features[row * FEATURE_STRIDE + lane] = values === undefined ? 0 : values[row];
    }
  }

  /** Where the table entry of a (tempo code, mood code) pair starts. */
  tempoMoodEntry(tempoCode: number, moodCode: number): number {
    return this.tempoMoodAt + (tempoCode * this.moodStride + moodCode) * TEMPO_MOOD_STRIDE;
  }
}

/** Per-request inputs of a pass besides the pack's table. */
export interface ScoringInputs {
  pack: RowPack;
  /** See `P_*`. */
  params: Float64Array;
  /** Heaps by slot: one per genre (rows new to the listener), then the familiar one. */
  slotTops: TopBuffer[];
}

export const P_TASTE_ENERGY = 0;
export const P_W_CONTENT = 1;
export const P_W_COLLAB = 2;
export const P_W_SOCIAL = 3;
export const P_W_POPULARITY = 4;
export const P_W_CONTEXT = 5;
/** 1 when the context has any strength. */
export const P_HAS_CONTEXT = 6;
export const P_CTX_ENERGY = 7;
/** 0 when the context names no energy. */
export const P_CTX_ENERGY_WEIGHT = 8;
export const P_FAMILIAR_SLOT = 9;
export const P_CTX_VALENCE = 10;
export const P_CTX_VALENCE_WEIGHT = 11;
export const P_CTX_DANCEABILITY = 12;
export const P_CTX_DANCEABILITY_WEIGHT = 13;
/** The context weights' total (the context fit is divided by it). */
export const P_CTX_TOTAL = 14;
export const PARAM_COUNT = 15;

const W_ENERGY = SEED_SCORE_WEIGHTS.energy;
const ENERGY_UNKNOWN = UNKNOWN_ENERGY_MATCH;

/**
 * The one pass over the catalog: the seed formula, the context fit and the
 * blend for every row not excluded; each row into its slot's bounded heap
 * (the familiar one, or its genre's when genre and artist are both new).
 * The arithmetic is the formula's own in its own order (each table entry is
 * the product the formula takes), so scores are the same to the last bit.
 * Writes the sums the reasons need into `sums`: content, content², context,
 * context², popularity, popularity², rows.
 */
export function scoringPass(s: ScoringInputs, sums: Float64Array): void {
  const pack = s.pack;
  const features = pack.features;
  const codes = pack.codes;
  const table = pack.table;
  const n = pack.rows;
  const thresholdAt = pack.thresholdAt;
  const scratchAt = pack.scratchAt;
  const slotTops = s.slotTops;
  const p = s.params;
  const tasteEnergy = p[P_TASTE_ENERGY];
  const wContent = p[P_W_CONTENT];
  const wCollab = p[P_W_COLLAB];
  const wSocial = p[P_W_SOCIAL];
  const wPop = p[P_W_POPULARITY];
  const wContext = p[P_W_CONTEXT];
  const hasContext = p[P_HAS_CONTEXT] === 1;
  const cE = p[P_CTX_ENERGY];
  const cEw = p[P_CTX_ENERGY_WEIGHT];
  const familiarSlot = p[P_FAMILIAR_SLOT];
  const cV = p[P_CTX_VALENCE];
  const cVw = p[P_CTX_VALENCE_WEIGHT];
  const cD = p[P_CTX_DANCEABILITY];
  const cDw = p[P_CTX_DANCEABILITY_WEIGHT];
  const ctxScale = 1 / p[P_CTX_TOTAL];
  // The score a row must beat to enter its slot's heap (−Infinity while the heap has room).
  for (let slot = 0; slot < slotTops.length; slot++) table[thresholdAt + slot] = slotTops[slot].threshold;
  let sumContent = 0;
  let sqContent = 0;
  let sumContext = 0;
  let sqContext = 0;
  let sumPop = 0;
  let sqPop = 0;
  let scored = 0;

  for (let i = 0; i < n; i++) {
    const c = (i * CODE_STRIDE) | 0;
    if (codes[(c + C_EXCLUDED) | 0] === 1) continue;
    const g = codes[c];
    const a = codes[(c + C_ARTIST) | 0];
    const tm = codes[(c + C_TEMPO_MOOD) | 0];
    const f = (i * FEATURE_STRIDE) | 0;
    const e = features[f];
    const known = e === e;
    const content =
      table[g] +
      table[a] +
      W_ENERGY * (known ? 1 - Math.abs(e - tasteEnergy) : ENERGY_UNKNOWN) +
      table[tm] +
      table[(tm + 1) | 0];
    let context = 0;
    if (hasContext) {
      // A part the context does not name has weight 0 and adds +0, which leaves the sum as it
      // is (every part is >= 0, so the sum is never −0): no branch per part, same bits.
      const v = features[(f + F_VALENCE) | 0];
      const d = features[(f + F_DANCEABILITY) | 0];
      const x =
        table[(tm + 2) | 0] +
        table[(tm + 3) | 0] +
        cEw * (known ? 1 - Math.abs(e - cE) : 0.5) +
        cVw * (v === v ? 1 - Math.abs(v - cV) : 0.5) +
        cDw * (d === d ? 1 - Math.abs(d - cD) : 0.5);
      context = x * ctxScale;
    }
    const pop = features[(f + F_PRIOR) | 0];
    const score =
      wContent * content +
      wCollab * features[(f + F_COLLAB) | 0] +
      wSocial * features[(f + F_SOCIAL) | 0] +
      wPop * pop +
      wContext * context;
    sumContent += content;
    sqContent += content * content;
    sumContext += context;
    sqContext += context * context;
    sumPop += pop;
    sqPop += pop * pop;
    scored++;
    const slot = table[(a + 1) | 0] === 1 ? familiarSlot : table[(g + 1) | 0];
    const at = (thresholdAt + slot) | 0;
    if (score > table[at]) {
      table[scratchAt] = score;
      slotTops[slot].offerFrom(i, table, scratchAt, at);
    }
  }
  sums[0] = sumContent;
  sums[1] = sqContent;
  sums[2] = sumContext;
  sums[3] = sqContext;
  sums[4] = sumPop;
  sums[5] = sqPop;
  sums[6] = scored;
}
