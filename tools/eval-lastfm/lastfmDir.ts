import { existsSync } from 'node:fs';
import path from 'node:path';

/** The files the evaluation reads; all must be present. */
export const LASTFM_FILES = [
  'user_artists.dat',
  'user_friends.dat',
  'user_taggedartists.dat',
  'tags.dat',
  'artists.dat',
] as const;

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
 * Where the HetRec 2011 Last.fm 2K files live. The data is never copied into
 * the repo (non-commercial terms): it is read from `../shared/data/lastfm-2k`
 * next to the workspace, or from `QFZZ_LASTFM_DIR` when set.
 */
export function lastfmDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['QFZZ_LASTFM_DIR'] ?? path.resolve(workspaceRoot(), '..', 'shared', 'data', 'lastfm-2k');
  const missing = LASTFM_FILES.filter((file) => !existsSync(path.join(dir, file)));
  if (missing.length > 0) {
    throw new Error(
      `Last.fm 2K data not found in ${dir} (missing: ${missing.join(', ')}). ` +
        'Put the HetRec 2011 lastfm-2k files in ../shared/data/lastfm-2k next to the workspace, ' +
        'or point QFZZ_LASTFM_DIR at the folder holding them.',
    );
  }
  return dir;
}
