import { existsSync } from 'node:fs';
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

/** The real catalogs, read in place next to the workspace (never copied), or from `QFZZ_TRACKS_DIR`. */
export function tracksDir(): string {
  return process.env['QFZZ_TRACKS_DIR'] ?? path.resolve(workspaceRoot(), '..', 'shared', 'data', 'tracks');
}

export const HEADER =
  'track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,track_album_release_date,' +
  'playlist_name,playlist_id,playlist_genre,playlist_subgenre,danceability,energy,key,loudness,mode,speechiness,' +
  'acousticness,instrumentalness,liveness,valence,tempo,duration_ms';

/** A small TidyTuesday-shaped CSV: 7 rows: 4 tracks (one listed twice), one NA row, one out-of-range energy. */
export const SMALL_CSV = [
  HEADER,
  'id1,"Song, One",Artist A,66,al,"Album ""X""",2019-06-14,P1,p1,pop,dance pop,0.748,0.916,6,-2.6,1,0.05,0.1,0,0.06,0.518,122.036,194754',
  'id2,NA,NA,0,al,NA,2012,P2,p2,rap,trap,0.7,0.8,6,-7,1,0.1,0.04,0,0.1,0.6,95.9,282707',
  'id1,"Song, One",Artist A,66,al,"Album ""X""",2019-06-14,P3,p3,edm,electro house,0.748,0.916,6,-2.6,1,0.05,0.1,0,0.06,0.518,122.036,194754',
  'id3,Slow One,Artist B,10,al,Al,2001,P4,p4,r&b,neo soul,0.3,0.2,6,-9,1,0.05,0.9,0,0.1,0.2,70,200000',
  'id4,Loud,Artist C,10,al,Al,2001,P4,p4,rock,hard rock,0.3,1.5,6,-9,1,0.05,0.9,0,0.1,0.2,130,200000',
  'id5,Mid,Artist C,10,al,Al,2001,P4,p4,rock,hard rock,0.3,0.6,6,-9,1,0.05,0.9,0,0.1,0.6,100,200000',
  'id6,Latin,Artist D,10,al,Al,2001,P4,p4,latin,reggaeton,0.3,0.6,6,-9,1,0.05,0.9,0,0.1,0.6,100,200000',
].join('\n');
