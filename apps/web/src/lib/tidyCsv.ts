import type { CatalogTrackInput } from '../api/types';

/**
 * RFC 4180 CSV, read a chunk at a time so a 30 MB file never sits in memory
 * twice and progress can move while it reads. Quoted fields may hold commas,
 * doubled quotes and line breaks; CRLF and LF both end a record.
 */
export class CsvChunkParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** The previous chunk ended on a quote inside a quoted field: the next character decides. */
  private quotePending = false;
  private lastWasCr = false;
  private sawAnything = false;

  /** Feeds the next piece of text; returns the records it completed. */
  push(chunk: string): string[][] {
    const records: string[][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else this.field += c;
        continue;
      }
      if (c === '\n' && this.lastWasCr) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = c === '\r';
      if (c === '"' && this.field === '') {
        this.inQuotes = true;
        this.sawAnything = true;
      } else if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.sawAnything = true;
      } else if (c === '\n' || c === '\r') {
        this.endRecord(records);
      } else {
        this.field += c;
        this.sawAnything = true;
      }
    }
    return records;
  }

  /** The last record, when the text does not end with a line break. */
  end(): string[][] {
    const records: string[][] = [];
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    this.endRecord(records);
    return records;
  }

  private endRecord(records: string[][]) {
    if (this.sawAnything || this.fields.length > 0) {
      this.fields.push(this.field);
      records.push(this.fields);
    }
    this.fields = [];
    this.field = '';
    this.sawAnything = false;
  }
}

const REQUIRED = ['track_id', 'track_name', 'track_artist', 'playlist_genre'] as const;

export interface RowRejection {
  row: number;
  reason: string;
}

/**
 * Rows of TidyTuesday's `spotify_songs.csv` (read by header name) as catalog
 * tracks for `POST /v1/catalog/tracks`. `NA` or blank audio features are
 * unknown, not zero; a row whose id, name, artist or genre is `NA` is refused.
 * A track id seen before keeps its first row; the later row's genre becomes a tag.
 */
export class TidyTuesdayRows {
  private columns: Map<string, number> | undefined;
  private width = 0;
  private row = 0;
  private readonly seen = new Map<string, CatalogTrackInput>();
  readonly rejected: RowRejection[] = [];
  rowsRead = 0;
  duplicates = 0;

  /** Turns parsed records into new tracks (repeats fold into earlier tracks' tags). */
  take(records: string[][]): CatalogTrackInput[] {
    const tracks: CatalogTrackInput[] = [];
    for (const record of records) {
      this.row++;
      if (!this.columns) {
        this.readHeader(record);
        continue;
      }
      this.rowsRead++;
      const track = this.toTrack(record);
      if (track) tracks.push(track);
    }
    return tracks;
  }

  private readHeader(record: string[]) {
    this.columns = new Map(record.map((name, index) => [name.trim().replace(/^\uFEFF/, ''), index]));
    this.width = record.length;
    const missing = REQUIRED.filter((name) => !this.columns?.has(name));
    if (missing.length > 0)
      throw new Error(
        `not a TidyTuesday spotify_songs CSV: the header lacks ${missing.join(', ')} (found ${record.slice(0, 6).join(', ')}…)`,
      );
  }

  private toTrack(fields: string[]): CatalogTrackInput | undefined {
    const reject = (reason: string) => {
      this.rejected.push({ row: this.row, reason });
      return undefined;
    };
    if (fields.length !== this.width) return reject(`expected ${this.width} fields, found ${fields.length}`);
    const cell = (name: string) => {
      const index = this.columns?.get(name);
      return index === undefined ? '' : fields[index];
    };
    const missing = REQUIRED.filter((name) => ['', 'NA'].includes(cell(name).trim()));
    if (missing.length > 0) return reject(`${missing.join(', ')} missing ("NA" or blank)`);
    const trackId = cell('track_id').trim();
    const genre = cell('playlist_genre').trim().toLowerCase();
    const earlier = this.seen.get(trackId);
    if (earlier) {
      this.duplicates++;
      if (genre !== earlier.genre && !earlier.tags?.includes(genre))
        earlier.tags = [...(earlier.tags ?? []), genre];
      return undefined;
    }
    const subgenre = cell('playlist_subgenre').trim();
    const track: CatalogTrackInput = {
      trackId,
      title: cell('track_name').trim(),
      artist: cell('track_artist').trim(),
      genre,
      ...optional('subgenre', subgenre === '' || subgenre === 'NA' ? undefined : subgenre.toLowerCase()),
      ...optional('energy', unit(cell('energy'))),
      ...optional('valence', unit(cell('valence'))),
      ...optional('danceability', unit(cell('danceability'))),
      ...optional('tempo', bpm(cell('tempo'))),
      ...optional('durationMs', wholePositive(cell('duration_ms'))),
      ...optional('popularity', popularity(cell('track_popularity'))),
    };
    this.seen.set(trackId, track);
    return track;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'NA') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function unit(text: string): number | undefined {
  const value = numberOf(text);
  return value !== undefined && value >= 0 && value <= 1 ? value : undefined;
}

function bpm(text: string): number | undefined {
  const value = numberOf(text);
  return value !== undefined && value > 0 && value < 1000 ? Math.round(value * 1000) / 1000 : undefined;
}

function wholePositive(text: string): number | undefined {
  const value = numberOf(text);
  return value !== undefined && value > 0 ? Math.round(value) : undefined;
}

function popularity(text: string): number | undefined {
  const value = numberOf(text);
  return value !== undefined && value >= 0 && value <= 100 ? value : undefined;
}

/** Cuts a list into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
