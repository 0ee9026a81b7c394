import { columnIndex, parseTsv } from './csv';
import { parsePythonLiteral, type PythonValue } from './pythonLiteral';
import { numberCell, type ParsedRows, type RowRejection, type SourceRow } from './sourceRows';
import { normaliseLabel } from './validateCatalogTracks';

/** A song keeps at most this many of its artists' genres as tags. */
export const MUSICOSET_MAX_TAGS = 20;

export interface MusicosetSources {
  songs?: string;
  acoustic?: string;
  artists?: string;
}

interface ArtistInfo {
  name: string;
  /** main_genre first, then the rest of its genres, lower-case; empty when unknown. */
  genres: string[];
}

/**
 * MusicOSet: three tab-separated files (named `.csv`, no quoting, CRLF in
 * two of them) joined on Spotify ids. `songs.artists` and `artists.genres`
 * are Python literals.
 *
 * - artist: the song's first artist, as `songs.artists` spells it;
 * - genre: the first artist's `main_genre`, else the first of its `genres`;
 *   when the first artist has none (or is missing from artists.csv), the next
 *   co-artist's, in order (collaborations often list a featured act first);
 *   a song none of whose artists has a genre is rejected with that reason;
 * - tags: the other genres of all its artists (at most 20);
 * - audio features from `acoustic_features.csv`; a song without a row there
 *   keeps them unknown.
 */
export function parseMusicosetSongs(
  songsTsv: string,
  acousticTsv: string,
  artistsTsv: string,
  sources: MusicosetSources = {},
): ParsedRows {
  const songsSource = sources.songs ?? 'songs.csv';
  const artists = readArtists(artistsTsv, sources.artists ?? 'artists.csv');
  const acoustic = readAcoustic(acousticTsv, sources.acoustic ?? 'acoustic_features.csv');

  const table = parseTsv(songsTsv);
  const col = columnIndex(table, ['song_id', 'song_name', 'artists', 'popularity'], songsSource);
  const rows: SourceRow[] = [];
  const rejected: RowRejection[] = [];
  for (const record of table.records) {
    const reject = (reason: string) => rejected.push({ source: songsSource, row: record.line, reason });
    if (record.fields.length !== table.header.length) {
      reject(`expected ${table.header.length} fields, found ${record.fields.length}`);
      continue;
    }
    const songId = record.fields[col['song_id']].trim();
    let songArtists: [string, string][];
    try {
      const literal = parsePythonLiteral(record.fields[col['artists']]);
      if (!isDict(literal)) throw new Error('not a dict');
      songArtists = Object.entries(literal).map(([id, name]) => [id, typeof name === 'string' ? name : '']);
    } catch (error) {
      reject(`artists: not a Python dict literal (${(error as Error).message})`);
      continue;
    }
    if (songArtists.length === 0) {
      reject('artists: the song names no artist');
      continue;
    }
    const [firstId, firstName] = songArtists[0];
    const known = songArtists.map(([id]) => artists.get(id));
    const withGenre = known.find((artist) => artist && artist.genres.length > 0);
    if (!withGenre) {
      const names = songArtists.map(
        ([id, name]) => `${name || id}${artists.has(id) ? '' : ' (not in artists.csv)'}`,
      );
      reject(`no genre: none of its artists has one (${names.join(', ')})`);
      continue;
    }
    const genre = withGenre.genres[0];
    const tags = new Set<string>();
    for (const artist of known) for (const g of artist?.genres ?? []) if (g !== genre) tags.add(g);
    const features = acoustic.get(songId);
    rows.push({
      source: songsSource,
      row: record.line,
      track: {
        trackId: songId,
        title: record.fields[col['song_name']],
        artist: firstName || artists.get(firstId)?.name,
        genre,
        tags: tags.size > 0 ? [...tags].slice(0, MUSICOSET_MAX_TAGS) : undefined,
        popularity: numberCell(record.fields[col['popularity']]),
        ...features,
      },
    });
  }
  return { source: songsSource, rowsRead: table.records.length, rows, rejected };
}

function isDict(value: PythonValue): value is { [key: string]: PythonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readArtists(text: string, source: string): Map<string, ArtistInfo> {
  const table = parseTsv(text);
  const col = columnIndex(table, ['artist_id', 'name', 'main_genre', 'genres'], source);
  const out = new Map<string, ArtistInfo>();
  for (const { fields } of table.records) {
    if (fields.length !== table.header.length) continue;
    const genres: string[] = [];
    const main = normaliseLabel(fields[col['main_genre']] ?? '');
    if (main !== '' && main !== '-') genres.push(main);
    try {
      const list = parsePythonLiteral(fields[col['genres']] ?? '[]');
      if (Array.isArray(list))
        for (const g of list) {
          if (typeof g !== 'string') continue;
          const label = normaliseLabel(g);
          if (label !== '' && !genres.includes(label)) genres.push(label);
        }
    } catch {
      // An unreadable genre list leaves only main_genre; the song reports "no genre" if that is all.
    }
    out.set(fields[col['artist_id']].trim(), { name: fields[col['name']].trim(), genres });
  }
  return out;
}

function readAcoustic(text: string, source: string): Map<string, Record<string, unknown>> {
  const table = parseTsv(text);
  const col = columnIndex(
    table,
    ['song_id', 'duration_ms', 'energy', 'valence', 'danceability', 'tempo'],
    source,
  );
  const out = new Map<string, Record<string, unknown>>();
  for (const { fields } of table.records) {
    if (fields.length !== table.header.length) continue;
    out.set(fields[col['song_id']].trim(), {
      energy: numberCell(fields[col['energy']]),
      valence: numberCell(fields[col['valence']]),
      danceability: numberCell(fields[col['danceability']]),
      tempo: numberCell(fields[col['tempo']]),
      durationMs: numberCell(fields[col['duration_ms']]),
    });
  }
  return out;
}
