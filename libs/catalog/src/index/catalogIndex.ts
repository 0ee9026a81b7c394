import {
  CATALOG_STREAM_ID,
  parseEventData,
  type CatalogTrack,
  type RecordedEvent,
  type TrackTempo,
} from '@qfzz/domain';
import type {
  CatalogStats,
  CatalogVocabulary,
  GetTracksResult,
  SearchTracksRequest,
  TrackPage,
} from '@qfzz/contracts';
import { normaliseLabel } from '../rows/validateCatalogTracks';
import { CatalogQueryError } from './catalogQueryError';
import { decodeCursor, encodeCursor } from './cursor';
import { StringTable, stringBytes } from './stringTable';

export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 500;

/** `tempoCode` column: 0 unknown, then the catalog's tempos in order. */
export const TEMPO_CODES: readonly (TrackTempo | undefined)[] = [undefined, 'slow', 'medium', 'fast'];
const TEMPO_CODE: Record<TrackTempo, number> = { slow: 1, medium: 2, fast: 3 };

/** A column to read, not to write: scorers get views of the index's own arrays. */
export interface ReadonlyColumn {
  readonly length: number;
  readonly [row: number]: number;
}

/**
 * The numeric columns, one entry per row (`0..size-1`). Unknown audio
 * features are `NaN` (never 0); codes are 0 for "none". Views share memory
 * with the index: take fresh ones after it changes (see `version`).
 */
export interface CatalogColumns {
  readonly size: number;
  /** 0..1 or NaN. */
  readonly energy: ReadonlyColumn;
  readonly valence: ReadonlyColumn;
  readonly danceability: ReadonlyColumn;
  /** 0..100 or NaN. */
  readonly popularity: ReadonlyColumn;
  /** Index into `TEMPO_CODES`. */
  readonly tempoCode: ReadonlyColumn;
  /** `genreName(code)`. */
  readonly genreCode: ReadonlyColumn;
  readonly subgenreCode: ReadonlyColumn;
  /** `artistName(code)`. */
  readonly artistCode: ReadonlyColumn;
  /** `moodName(code)`. */
  readonly moodCode: ReadonlyColumn;
}

const INITIAL_CAPACITY = 1024;

/**
 * The catalog in memory, column by column: typed arrays for the numbers a
 * scorer reads for every candidate (energy, valence, danceability, tempo,
 * popularity as float32 / small integer codes), string tables for genres,
 * artists and moods, a trackId -> row map and row lists per genre and per
 * artist. Built from `TracksAddedToCatalog` events; a track seen again
 * (a re-import) overwrites its row in place, so rows never move and a search
 * cursor stays valid while the catalog grows.
 *
 * Audio features are float32: they read back to 6 significant digits.
 */
export class CatalogIndex {
  private count = 0;
  private capacity = 0;
  private changes = 0;
  private lastPosition = 0;

  private readonly rowOfId = new Map<string, number>();
  private readonly trackIds: string[] = [];
  private readonly titles: string[] = [];
  /** Title and artist, folded (lower case, no accents), for `q`. */
  private readonly searchText: string[] = [];
  private readonly tags: (readonly string[] | undefined)[] = [];

  private energyColumn = new Float32Array(0);
  private valenceColumn = new Float32Array(0);
  private danceabilityColumn = new Float32Array(0);
  private popularityColumn = new Float32Array(0);
  private bpmColumn = new Float64Array(0);
  private durationColumn = new Uint32Array(0);
  private tempoColumn = new Uint8Array(0);
  private genreColumn = new Uint32Array(0);
  private subgenreColumn = new Uint32Array(0);
  private artistColumn = new Uint32Array(0);
  private moodColumn = new Uint32Array(0);

  private readonly genres = new StringTable();
  private readonly subgenres = new StringTable();
  private readonly artists = new StringTable();
  private readonly moods = new StringTable();
  /** Rows per genre code, ascending. */
  private readonly genreRows: number[][] = [];
  /** Rows per folded artist name (case and accents ignored), ascending. */
  private readonly artistRows = new Map<string, number[]>();
  private readonly artistKeys = new Map<number, string>();

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.grow(Math.max(1, initialCapacity));
  }

  /** Number of tracks. */
  get size(): number {
    return this.count;
  }

  /** Goes up with every change; a cache or a column view taken at another version is stale. */
  get version(): number {
    return this.changes;
  }

  /** Log position of the last catalog event folded in (0 before any). */
  get position(): number {
    return this.lastPosition;
  }

  /**
   * Folds one event from the log. Only `TracksAddedToCatalog` on the
   * `catalog` stream counts; anything else is ignored (returns false). The
   * data is upcast and validated as every consumer must. An event at or
   * before the last position folded is skipped (returns false): two
   * followers of the log may share one index (edge mode), and the one behind
   * must not put back an older version of a track.
   */
  applyEvent(event: RecordedEvent): boolean {
    if (event.type !== 'TracksAddedToCatalog' || event.streamId !== CATALOG_STREAM_ID) return false;
    if (event.position <= this.lastPosition) return false;
    const data = parseEventData('TracksAddedToCatalog', event.schemaVersion, event.data);
    this.applyTracks(data.tracks);
    this.lastPosition = event.position;
    return true;
  }

  /** Adds tracks, or overwrites the row of a trackId already there. Idempotent. */
  applyTracks(tracks: readonly CatalogTrack[]): void {
    for (const track of tracks) this.upsert(track);
    this.changes++;
  }

  /** Row of a track, or undefined. */
  rowOf(trackId: string): number | undefined {
    return this.rowOfId.get(trackId);
  }

  has(trackId: string): boolean {
    return this.rowOfId.has(trackId);
  }

  trackIdAt(row: number): string {
    this.checkRow(row);
    return this.trackIds[row];
  }

  /** The whole track of a row, as it was imported (features to float32 precision). */
  trackAt(row: number): CatalogTrack {
    this.checkRow(row);
    const track: CatalogTrack = {
      trackId: this.trackIds[row],
      title: this.titles[row],
      artist: this.artists.name(this.artistColumn[row]) as string,
      genre: this.genres.name(this.genreColumn[row]) as string,
    };
    const subgenre = this.subgenres.name(this.subgenreColumn[row]);
    if (subgenre !== undefined) track.subgenre = subgenre;
    const mood = this.moods.name(this.moodColumn[row]);
    if (mood !== undefined) track.mood = mood;
    const energy = readFloat(this.energyColumn[row]);
    if (energy !== undefined) track.energy = energy;
    const tempo = TEMPO_CODES[this.tempoColumn[row]];
    if (tempo !== undefined) track.tempo = tempo;
    const bpm = this.bpmColumn[row];
    if (!Number.isNaN(bpm)) track.bpm = bpm;
    const valence = readFloat(this.valenceColumn[row]);
    if (valence !== undefined) track.valence = valence;
    const danceability = readFloat(this.danceabilityColumn[row]);
    if (danceability !== undefined) track.danceability = danceability;
    if (this.durationColumn[row] > 0) track.durationMs = this.durationColumn[row];
    const popularity = readFloat(this.popularityColumn[row]);
    if (popularity !== undefined) track.popularity = popularity;
    const tags = this.tags[row];
    if (tags !== undefined) track.tags = [...tags];
    return track;
  }

  /** Tracks by id, in request order; unknown ids in `missing`, also in request order. */
  get(trackIds: readonly string[]): GetTracksResult {
    const tracks: CatalogTrack[] = [];
    const missing: string[] = [];
    for (const id of trackIds) {
      const row = this.rowOfId.get(id);
      if (row === undefined) missing.push(id);
      else tracks.push(this.trackAt(row));
    }
    return { tracks, missing };
  }

  /**
   * A page of tracks in catalog (import) order, filtered by genre (as the
   * catalog spells it, case-insensitive), artist (the whole name, case and
   * accents ignored) and `q` (every word must appear in the title or the
   * artist). `limit` is 1..500 (default 50); out of range is an error, not
   * clamped. `nextCursor` is there when another match exists.
   */
  search(request: SearchTracksRequest = {}): TrackPage {
    const limit = request.limit ?? DEFAULT_SEARCH_LIMIT;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT)
      throw new CatalogQueryError(`limit: must be a whole number between 1 and ${MAX_SEARCH_LIMIT}`);
    const genre = optionalText(request.genre, 'genre');
    const artist = optionalText(request.artist, 'artist');
    const q = optionalText(request.q, 'q');
    const cursor = optionalText(request.cursor, 'cursor');
    const start = cursor === undefined ? 0 : decodeCursor(cursor);

    let genreCode: number | undefined;
    if (genre !== undefined) {
      genreCode = this.genres.codeOf(normaliseLabel(genre));
      if (genreCode === undefined) return { tracks: [] };
    }
    const wantedArtist = artist === undefined ? undefined : artistKey(artist);
    const words = q === undefined ? [] : foldText(q).split(/\s+/).filter(Boolean);

    let candidates: readonly number[] | undefined;
    if (genreCode !== undefined) candidates = this.genreRows[genreCode] ?? [];
    if (wantedArtist !== undefined) {
      const byArtist = this.artistRows.get(wantedArtist) ?? [];
      if (!candidates || byArtist.length < candidates.length) candidates = byArtist;
    }

    const matches = (row: number): boolean => {
      if (genreCode !== undefined && this.genreColumn[row] !== genreCode) return false;
      if (wantedArtist !== undefined && this.artistKeyAt(row) !== wantedArtist) return false;
      if (words.length > 0) {
        const text = this.searchText[row];
        for (const word of words) if (!text.includes(word)) return false;
      }
      return true;
    };

    const rows: number[] = [];
    let nextCursor: string | undefined;
    const take = (row: number): boolean => {
      if (!matches(row)) return true;
      if (rows.length === limit) {
        nextCursor = encodeCursor(row);
        return false;
      }
      rows.push(row);
      return true;
    };
    if (candidates) {
      for (let at = lowerBound(candidates, start); at < candidates.length; at++)
        if (!take(candidates[at])) break;
    } else {
      for (let row = start; row < this.count; row++) if (!take(row)) break;
    }
    const page: TrackPage = { tracks: rows.map((row) => this.trackAt(row)) };
    if (nextCursor !== undefined) page.nextCursor = nextCursor;
    return page;
  }

  /** Genre and artist names that have at least one track, sorted. */
  vocabulary(): CatalogVocabulary {
    return { genres: this.genres.liveNames().sort(), artists: this.artists.liveNames().sort() };
  }

  stats(): CatalogStats {
    return {
      tracks: this.count,
      genres: this.genres.liveCount,
      artists: this.artists.liveCount,
      position: this.lastPosition,
    };
  }

  /** Read-only views of the numeric columns, `size` long, for scoring loops. */
  columns(): CatalogColumns {
    const n = this.count;
    return {
      size: n,
      energy: this.energyColumn.subarray(0, n),
      valence: this.valenceColumn.subarray(0, n),
      danceability: this.danceabilityColumn.subarray(0, n),
      popularity: this.popularityColumn.subarray(0, n),
      tempoCode: this.tempoColumn.subarray(0, n),
      genreCode: this.genreColumn.subarray(0, n),
      subgenreCode: this.subgenreColumn.subarray(0, n),
      artistCode: this.artistColumn.subarray(0, n),
      moodCode: this.moodColumn.subarray(0, n),
    };
  }

  genreName(code: number): string | undefined {
    return this.genres.name(code);
  }

  /** Code of a genre as the catalog spells it (case-insensitive), or undefined. */
  genreCodeOf(genre: string): number | undefined {
    return this.genres.codeOf(normaliseLabel(genre));
  }

  subgenreName(code: number): string | undefined {
    return this.subgenres.name(code);
  }

  artistName(code: number): string | undefined {
    return this.artists.name(code);
  }

  /** Code of an artist spelled exactly as in the catalog, or undefined. */
  artistCodeOf(artist: string): number | undefined {
    return this.artists.codeOf(artist);
  }

  moodName(code: number): string | undefined {
    return this.moods.name(code);
  }

  /** Rows of a genre, ascending (a read-only view of the index's list). */
  rowsOfGenre(genre: string): readonly number[] {
    const code = this.genreCodeOf(genre);
    return code === undefined ? [] : (this.genreRows[code] ?? []);
  }

  /** Rows of an artist (case and accents ignored), ascending. */
  rowsOfArtist(artist: string): readonly number[] {
    return this.artistRows.get(artistKey(artist)) ?? [];
  }

  tagsAt(row: number): readonly string[] {
    this.checkRow(row);
    return this.tags[row] ?? [];
  }

  /**
   * An estimate of the heap this index holds, in bytes: typed arrays at their
   * capacity, strings at V8's one or two bytes a character plus a header,
   * ~48 bytes a Map entry and 8 a list slot. For budgets and the benchmark's
   * "memory per track", not an exact count.
   */
  memoryBytes(): number {
    let bytes = 0;
    for (const column of [
      this.energyColumn,
      this.valenceColumn,
      this.danceabilityColumn,
      this.popularityColumn,
      this.bpmColumn,
      this.durationColumn,
      this.tempoColumn,
      this.genreColumn,
      this.subgenreColumn,
      this.artistColumn,
      this.moodColumn,
    ])
      bytes += column.byteLength;
    for (let row = 0; row < this.count; row++) {
      bytes +=
        stringBytes(this.trackIds[row]) + stringBytes(this.titles[row]) + stringBytes(this.searchText[row]);
      bytes += 3 * 8; // three array slots
      bytes += 48; // trackId -> row entry
      const tags = this.tags[row];
      bytes += 8 + (tags ? 16 + tags.reduce((sum, tag) => sum + 8 + stringBytes(tag), 0) : 0);
    }
    bytes += this.count * 2 * 8; // one slot in a genre list and one in an artist list
    bytes += this.artistRows.size * 64;
    bytes += this.genres.approximateBytes() + this.subgenres.approximateBytes();
    bytes += this.artists.approximateBytes() + this.moods.approximateBytes();
    return bytes;
  }

  /** The folded artist name of a row, cached per artist code. */
  private artistKeyAt(row: number): string {
    const code = this.artistColumn[row];
    let key = this.artistKeys.get(code);
    if (key === undefined) {
      key = artistKey(this.artists.name(code) ?? '');
      this.artistKeys.set(code, key);
    }
    return key;
  }

  private checkRow(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.count) throw new RangeError(`no row ${row}`);
  }

  private upsert(track: CatalogTrack): void {
    let row = this.rowOfId.get(track.trackId);
    if (row === undefined) {
      row = this.count;
      if (row === this.capacity) this.grow(this.capacity * 2);
      this.count++;
      this.rowOfId.set(track.trackId, row);
      this.trackIds[row] = track.trackId;
    } else {
      this.forget(row);
    }

    this.titles[row] = track.title;
    this.searchText[row] = foldText(`${track.title} ${track.artist}`);
    this.tags[row] = track.tags && track.tags.length > 0 ? [...track.tags] : undefined;
    this.energyColumn[row] = track.energy ?? NaN;
    this.valenceColumn[row] = track.valence ?? NaN;
    this.danceabilityColumn[row] = track.danceability ?? NaN;
    this.popularityColumn[row] = track.popularity ?? NaN;
    this.bpmColumn[row] = track.bpm ?? NaN;
    this.durationColumn[row] = track.durationMs ?? 0;
    this.tempoColumn[row] = track.tempo ? TEMPO_CODE[track.tempo] : 0;
    this.subgenreColumn[row] = this.subgenres.acquire(track.subgenre);
    this.moodColumn[row] = this.moods.acquire(track.mood);

    const genreCode = this.genres.acquire(track.genre);
    this.genreColumn[row] = genreCode;
    while (this.genreRows.length <= genreCode) this.genreRows.push([]);
    insertSorted(this.genreRows[genreCode], row);

    this.artistColumn[row] = this.artists.acquire(track.artist);
    const key = this.artistKeyAt(row);
    let list = this.artistRows.get(key);
    if (!list) this.artistRows.set(key, (list = []));
    insertSorted(list, row);
  }

  /** Takes a row out of its genre and artist lists and string tables before it is overwritten. */
  private forget(row: number): void {
    const genreCode = this.genreColumn[row];
    removeSorted(this.genreRows[genreCode], row);
    const key = this.artistKeyAt(row);
    const list = this.artistRows.get(key);
    if (list) {
      removeSorted(list, row);
      if (list.length === 0) this.artistRows.delete(key);
    }
    this.genres.release(genreCode);
    this.artists.release(this.artistColumn[row]);
    this.subgenres.release(this.subgenreColumn[row]);
    this.moods.release(this.moodColumn[row]);
  }

  private grow(capacity: number): void {
    const copy = <T extends Float32Array | Float64Array | Uint32Array | Uint8Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.energyColumn = copy(this.energyColumn, new Float32Array(capacity));
    this.valenceColumn = copy(this.valenceColumn, new Float32Array(capacity));
    this.danceabilityColumn = copy(this.danceabilityColumn, new Float32Array(capacity));
    this.popularityColumn = copy(this.popularityColumn, new Float32Array(capacity));
    this.bpmColumn = copy(this.bpmColumn, new Float64Array(capacity));
    this.durationColumn = copy(this.durationColumn, new Uint32Array(capacity));
    this.tempoColumn = copy(this.tempoColumn, new Uint8Array(capacity));
    this.genreColumn = copy(this.genreColumn, new Uint32Array(capacity));
    this.subgenreColumn = copy(this.subgenreColumn, new Uint32Array(capacity));
    this.artistColumn = copy(this.artistColumn, new Uint32Array(capacity));
    this.moodColumn = copy(this.moodColumn, new Uint32Array(capacity));
    this.capacity = capacity;
  }
}

/** Lower case, accents dropped (`Beyoncé` finds `beyonce`). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The key artists are searched by: folded, single spaces. */
export function artistKey(artist: string): string {
  return foldText(artist).trim().replace(/\s+/g, ' ');
}

function readFloat(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : Number(value.toPrecision(6));
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new CatalogQueryError(`${field}: must be a string`);
  if (value.trim().length === 0)
    throw new CatalogQueryError(`${field}: must not be empty (leave it out instead)`);
  return value;
}

/** First position in an ascending list whose value is >= `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: number[], value: number): void {
  if (list.length === 0 || list[list.length - 1] < value) {
    list.push(value);
    return;
  }
  const at = lowerBound(list, value);
  if (list[at] !== value) list.splice(at, 0, value);
}

function removeSorted(list: number[] | undefined, value: number): void {
  if (!list) return;
  const at = lowerBound(list, value);
  if (list[at] === value) list.splice(at, 1);
}
