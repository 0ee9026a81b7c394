import { readFileSync } from 'node:fs';
import { SAMPLE_ROCK, SAMPLE_TRACKS, writeCatalogSample } from '../../e2e/support/catalogSample';
import { join } from 'node:path';
import type { Imported } from '../api/types';
import { importTidyTuesdayFile, type ImportProgress } from './catalogImport';
import { batches, CsvChunkParser, TidyTuesdayRows } from './tidyCsv';

const HEADER =
  'track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms';
const row = (id: string, name: string, artist: string, genre: string, energy = '0.9', tempo = '128.5') =>
  `${id},${name},${artist},50,alb,Album,2019-01-01,List,pl,${genre},sub ${genre},0.7,${energy},1,-5,1,0.05,0.1,0,0.1,0.6,${tempo},200000`;

function parseAll(text: string, pieces: number): string[][] {
  const parser = new CsvChunkParser();
  const size = Math.ceil(text.length / pieces);
  const records: string[][] = [];
  for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
  return [...records, ...parser.end()];
}

describe('CsvChunkParser', () => {
  const text = 'a,b,c\r\n1,"two, with comma","say ""hi"""\n"multi\nline",,x\nlast,row,no-newline';

  it.each([1, 2, 3, 7, text.length])(
    'gives the same records however the text is cut (%i pieces)',
    (pieces) => {
      expect(parseAll(text, pieces)).toEqual([
        ['a', 'b', 'c'],
        ['1', 'two, with comma', 'say "hi"'],
        ['multi\nline', '', 'x'],
        ['last', 'row', 'no-newline'],
      ]);
    },
  );

  it('skips blank lines and handles a quote at the very end of a chunk', () => {
    const parser = new CsvChunkParser();
    expect(parser.push('"a""')).toEqual([]);
    expect(parser.push('b",c\n\n')).toEqual([['a"b', 'c']]);
    expect(parser.end()).toEqual([]);
  });
});

describe('TidyTuesdayRows', () => {
  it('maps columns by header name; NA features are unknown; NA names are refused; repeats fold into tags', () => {
    const rows = new TidyTuesdayRows();
    const csv = [
      HEADER,
      row('t1', 'Song One', 'Band', 'rock'),
      row('t2', 'NA', 'Band', 'pop'),
      row('t3', 'Three', 'Other', 'Latin', 'NA', '0'),
      row('t1', 'Song One', 'Band', 'pop'),
    ].join('\n');
    const tracks = rows.take(parseAll(csv, 3));
    expect(tracks).toEqual([
      expect.objectContaining({
        trackId: 't1',
        title: 'Song One',
        artist: 'Band',
        genre: 'rock',
        subgenre: 'sub rock',
        energy: 0.9,
        tempo: 128.5,
        durationMs: 200000,
        popularity: 50,
        tags: ['pop'],
      }),
      expect.objectContaining({ trackId: 't3', genre: 'latin' }),
    ]);
    expect(tracks[1]).not.toHaveProperty('energy');
    expect(tracks[1]).not.toHaveProperty('tempo');
    expect(rows.rejected).toEqual([{ row: 3, reason: 'track_name missing ("NA" or blank)' }]);
    expect(rows.rowsRead).toBe(4);
    expect(rows.duplicates).toBe(1);
  });

  it('refuses a file that is not the TidyTuesday format, naming the missing columns', () => {
    expect(() => new TidyTuesdayRows().take([['id', 'title']])).toThrow(
      /lacks track_id, track_name, track_artist, playlist_genre/,
    );
  });

  it('reads the sample the browser test imports, cut from the shared data', () => {
    const text = readFileSync(writeCatalogSample(), 'utf8');
    const tracks = new TidyTuesdayRows().take(parseAll(text, 5));
    expect(tracks).toHaveLength(SAMPLE_TRACKS);
    expect(tracks.filter((t) => t.genre === 'rock')).toHaveLength(SAMPLE_ROCK);
  });

  it('reads a whole published part, quoted commas included', () => {
    const text = readFileSync(
      join(__dirname, '../../../../../shared/data/tracks/tidytuesday-spotify-songs/spotify_songs.part1.csv'),
      'utf8',
    );
    const rows = new TidyTuesdayRows();
    const tracks = rows.take(parseAll(text, 4096));
    expect(tracks.length).toBeGreaterThan(9000);
    expect(tracks.some((t) => t.title.includes(','))).toBe(true);
  });
});

describe('importTidyTuesdayFile', () => {
  it('reads in chunks, posts batches of at most the batch size, and reports progress up to done', async () => {
    const lines = [
      HEADER,
      ...Array.from({ length: 25 }, (_, i) => row(`id${i}`, `Song ${i}`, 'Artist', i % 2 ? 'rock' : 'pop')),
    ];
    const file = new Blob([lines.join('\n') + '\n']);
    const sent: number[] = [];
    const progress: ImportProgress[] = [];
    const result = await importTidyTuesdayFile(
      file,
      async (tracks): Promise<Imported> => {
        sent.push(tracks.length);
        return { accepted: tracks.length - 1, rejected: [{ index: 0, error: 'tracks[0].energy: bad' }] };
      },
      (p) => progress.push(p),
      { batchSize: 10, chunkBytes: 300 },
    );
    expect(sent).toEqual([10, 10, 5]);
    expect(result).toEqual(
      expect.objectContaining({
        phase: 'done',
        rowsRead: 25,
        tracks: 25,
        sent: 25,
        accepted: 22,
        rejected: 3,
        fraction: 1,
      }),
    );
    expect(result.problems).toEqual([
      'id0: tracks[0].energy: bad',
      'id10: tracks[0].energy: bad',
      'id20: tracks[0].energy: bad',
    ]);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.filter((p) => p.phase === 'reading').length).toBeGreaterThan(3);
  });

  it('reports a failed batch as failed, with the message', async () => {
    const file = new Blob([[HEADER, row('a', 'A', 'B', 'rock')].join('\n')]);
    const result = await importTidyTuesdayFile(
      file,
      () => Promise.reject(new Error('401 no admin token')),
      () => undefined,
    );
    expect(result.phase).toBe('failed');
    expect(result.error).toBe('401 no admin token');
  });
});

describe('batches', () => {
  it('cuts a list into pieces of at most n', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 3)).toEqual([]);
  });
});
