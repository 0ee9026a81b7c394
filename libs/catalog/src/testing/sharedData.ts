import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Walks up from `start` to the directory holding `nx.json`: the workspace root. */
export function workspaceRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${start}: cannot find the workspace root`);
    dir = parent;
  }
}

/**
 * The real track catalogs, read in place from `../shared/data/tracks` next to
 * the workspace (never copied into the repo), or from `QFZZ_TRACKS_DIR`.
 */
export function tracksDir(): string {
  const dir =
    process.env['QFZZ_TRACKS_DIR'] ?? path.resolve(workspaceRoot(), '..', 'shared', 'data', 'tracks');
  if (!existsSync(path.join(dir, 'tidytuesday-spotify-songs')) || !existsSync(path.join(dir, 'musicoset')))
    throw new Error(
      `The track catalogs are not in ${dir}: put shared/data/tracks next to the workspace or set QFZZ_TRACKS_DIR`,
    );
  return dir;
}

export const TIDYTUESDAY_PARTS = [1, 2, 3].map((part) => `spotify_songs.part${part}.csv`);

export function readTidyTuesdayPart(name: string): string {
  return readFileSync(path.join(tracksDir(), 'tidytuesday-spotify-songs', name), 'utf8');
}

export function readMusicoset(name: 'songs.csv' | 'acoustic_features.csv' | 'artists.csv'): string {
  return readFileSync(path.join(tracksDir(), 'musicoset', name), 'utf8');
}
