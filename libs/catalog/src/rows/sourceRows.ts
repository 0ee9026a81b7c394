import type { CatalogTrack } from '@qfzz/domain';
import { MAX_TAGS, normaliseLabel, validateCatalogTracks } from './validateCatalogTracks';

/** One data row of a source file, already mapped to the fields of `POST /v1/catalog/tracks`. */
export interface SourceRow {
  /** The file (or part) it came from, e.g. `spotify_songs.part1.csv`. */
  source: string;
  /** 1-based line number in that file; the header is line 1, so the first data row is row 2. */
  row: number;
  track: Record<string, unknown>;
}

export interface RowRejection {
  source: string;
  row: number;
  reason: string;
}

export interface ParsedRows {
  source: string;
  /** Data rows read, whatever became of them. */
  rowsRead: number;
  rows: SourceRow[];
  /** Rows the parser could not map (a broken record, `NA` names, no genre). */
  rejected: RowRejection[];
}

export interface ImportPlan {
  /** Valid, one per trackId, in file order. */
  tracks: CatalogTrack[];
  /** Parser and validation rejections, in file order. */
  rejected: RowRejection[];
  rowsRead: number;
  /** Valid rows folded into an earlier row of the same trackId. */
  duplicateRows: number;
}

/** `spotify_songs.part1.csv row 8153: track_name is "NA"`; without a source just `row 8153: ...`. */
export function formatRejection(rejection: RowRejection): string {
  return `${rejection.source ? `${rejection.source} ` : ''}row ${rejection.row}: ${rejection.reason}`;
}

/**
 * Validates parsed rows with the API's rules and de-duplicates by trackId:
 * the first valid row of a track wins, and the genres and subgenres of its
 * later rows are kept as tags (TidyTuesday lists a track once per playlist,
 * and 1,687 of its tracks sit in playlists of more than one genre).
 */
export function prepareImport(parsed: ParsedRows | readonly ParsedRows[]): ImportPlan {
  const parts = Array.isArray(parsed) ? (parsed as readonly ParsedRows[]) : [parsed as ParsedRows];
  const rows = parts.flatMap((part) => part.rows);
  const validated = validateCatalogTracks(
    rows.map((row) => row.track),
    // Files keep the first row of a repeated id (below), not the API's last.
    { label: () => '', repeatedIds: 'keep-all' },
  );
  const rejected: RowRejection[] = [
    ...parts.flatMap((part) => part.rejected),
    ...validated.rejected.map(({ index, error }) => ({
      source: rows[index].source,
      row: rows[index].row,
      reason: error,
    })),
  ];
  const order = new Map(parts.map((part, at) => [part.source, at]));
  rejected.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.row - b.row);

  const valid = new Map<number, CatalogTrack>();
  validated.accepted.forEach((track, at) => valid.set(validated.acceptedIndexes[at], track));
  const tracks: CatalogTrack[] = [];
  const byId = new Map<string, CatalogTrack>();
  let duplicateRows = 0;
  for (let index = 0; index < rows.length; index++) {
    const track = valid.get(index);
    if (!track) continue;
    const first = byId.get(track.trackId);
    if (!first) {
      byId.set(track.trackId, track);
      tracks.push(track);
      continue;
    }
    duplicateRows++;
    mergeAsTags(first, [track.genre, track.subgenre, ...(track.tags ?? [])]);
  }
  return { tracks, rejected, rowsRead: parts.reduce((sum, part) => sum + part.rowsRead, 0), duplicateRows };
}

function mergeAsTags(track: CatalogTrack, labels: (string | undefined)[]): void {
  const tags = new Set(track.tags ?? []);
  for (const label of labels) {
    if (label === undefined) continue;
    const tag = normaliseLabel(label);
    if (tag === track.genre || tag === track.subgenre || tags.size >= MAX_TAGS) continue;
    tags.add(tag);
  }
  if (tags.size > 0) track.tags = [...tags];
}

/**
 * A number column: blank or `NA` is unknown (undefined), never zero. Text
 * that is not a number is passed on as is, so validation names the field.
 */
export function numberCell(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '' || text === 'NA' || text === 'nan' || text === 'NaN' || text === '-') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}
