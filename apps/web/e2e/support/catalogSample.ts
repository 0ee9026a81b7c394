// The browser test uploads a small real catalog through the admin page. It is
// cut at test time from the shared TidyTuesday data (never copied into the
// repository): 16 rock tracks and 41 others, whole lines as published.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvChunkParser } from '../../src/lib/tidyCsv';
import { WORKSPACE } from './station';

const SOURCE = join(WORKSPACE, '../shared/data/tracks/tidytuesday-spotify-songs');
const PARTS = ['spotify_songs.part1.csv', 'spotify_songs.part2.csv', 'spotify_songs.part3.csv'];

export const SAMPLE_ROCK = 16;
export const SAMPLE_TRACKS = 57;

/** Writes the sample CSV into a temp folder and returns its path. */
export function writeCatalogSample(): string {
  let header = '';
  const rock: string[] = [];
  const others: string[] = [];
  const seen = new Set<string>();
  for (const part of PARTS) {
    let text: string;
    try {
      text = readFileSync(join(SOURCE, part), 'utf8');
    } catch {
      throw new Error(
        `the browser test reads a catalog sample from ${SOURCE} (the shared data); ${part} is missing`,
      );
    }
    const [first, ...lines] = text.split('\n');
    header ||= first;
    const columns = new CsvChunkParser().push(`${first}\n`)[0];
    const at = (name: string) => columns.indexOf(name);
    for (const line of lines) {
      if (rock.length === SAMPLE_ROCK && others.length === SAMPLE_TRACKS - SAMPLE_ROCK) break;
      const [row] = new CsvChunkParser().push(`${line}\n`);
      if (!row || row.length !== columns.length) continue;
      const id = row[at('track_id')];
      if (seen.has(id) || row[at('track_name')] === 'NA' || row[at('track_artist')] === 'NA') continue;
      const bucket = row[at('playlist_genre')] === 'rock' ? rock : others;
      if (bucket.length >= (bucket === rock ? SAMPLE_ROCK : SAMPLE_TRACKS - SAMPLE_ROCK)) continue;
      seen.add(id);
      bucket.push(line);
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'qfzz-web-catalog-')), 'tracks.csv');
  writeFileSync(file, `${[header, ...others, ...rock].join('\n')}\n`);
  return file;
}
