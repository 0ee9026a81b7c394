import { columnIndex, parseCsv } from './csv';
import { numberCell, type ParsedRows, type RowRejection, type SourceRow } from './sourceRows';

/** The columns read, by header name (the file has 23; order does not matter). */
export const TIDYTUESDAY_COLUMNS = [
  'track_id',
  'track_name',
  'track_artist',
  'playlist_genre',
  'playlist_subgenre',
  'energy',
  'valence',
  'danceability',
  'tempo',
  'duration_ms',
  'track_popularity',
] as const;

const REQUIRED_TEXT = ['track_id', 'track_name', 'track_artist', 'playlist_genre'] as const;

/**
 * TidyTuesday's `spotify_songs.csv` (or one of its parts): RFC 4180 CSV read
 * by header name. A row whose id, name, artist or genre is the literal `NA`
 * (5 rows in the real file) is rejected with that reason; a blank or `NA`
 * audio feature is unknown, not zero. Repeated track ids are left in: pass
 * the result to `prepareImport`, which keeps the first and folds the other
 * genres into tags.
 */
export function parseTidyTuesdayCsv(text: string, source = 'spotify_songs.csv'): ParsedRows {
  const table = parseCsv(text);
  const col = columnIndex(table, TIDYTUESDAY_COLUMNS, source);
  const rows: SourceRow[] = [];
  const rejected: RowRejection[] = [];
  for (const record of table.records) {
    const reject = (reason: string) => rejected.push({ source, row: record.line, reason });
    if (record.error) {
      reject(record.error);
      continue;
    }
    if (record.fields.length !== table.header.length) {
      reject(`expected ${table.header.length} fields, found ${record.fields.length}`);
      continue;
    }
    const cell = (name: (typeof TIDYTUESDAY_COLUMNS)[number]) => record.fields[col[name]];
    const notAvailable = REQUIRED_TEXT.filter((name) => cell(name).trim() === 'NA');
    if (notAvailable.length > 0) {
      reject(
        `${notAvailable.join(', ')} ${notAvailable.length > 1 ? 'are' : 'is'} "NA" (missing in the source)`,
      );
      continue;
    }
    const subgenre = cell('playlist_subgenre').trim();
    rows.push({
      source,
      row: record.line,
      track: {
        trackId: cell('track_id').trim(),
        title: cell('track_name'),
        artist: cell('track_artist'),
        genre: cell('playlist_genre'),
        subgenre: subgenre === '' || subgenre === 'NA' ? undefined : subgenre,
        energy: numberCell(cell('energy')),
        valence: numberCell(cell('valence')),
        danceability: numberCell(cell('danceability')),
        tempo: numberCell(cell('tempo')),
        durationMs: numberCell(cell('duration_ms')),
        popularity: numberCell(cell('track_popularity')),
      },
    });
  }
  return { source, rowsRead: table.records.length, rows, rejected };
}
