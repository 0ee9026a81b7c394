import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Interaction } from '@qfzz/recsys';
import { readDat } from './readDat';

/** Last.fm 2K as dense indices, ready for the evaluation: artists are the items. */
export interface LastfmDataset {
  /** Index → Last.fm user id. */
  userIds: number[];
  /** Index → Last.fm artist id. */
  artistIds: number[];
  /** Index → artist name (UTF-8, as `artists.dat` spells it). */
  artistNames: string[];
  /** One per user–artist pair; weight = the user's play (scrobble) count. */
  interactions: Interaction[];
  /** Per user index, the indices of their friends (the graph is symmetric). */
  friends: number[][];
  /** Every tag a user put on a known artist; `user` is -1 for a user outside the loaded subset. */
  taggings: Tagging[];
}

/** One tag assignment: user (index or -1), artist (item index), tag text (lower-case). */
export interface Tagging {
  user: number;
  item: number;
  tag: string;
}

export interface LoadOptions {
  /** Keep only the first N users by id (and the artists they listen to): for fast tests on a real subset. */
  maxUsers?: number;
}

function toInt(value: string, file: string, row: number): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${file}: row ${row + 2} has a non-integer value "${value}"`);
  return n;
}

/**
 * Reads the five files. `tags.dat` is Latin-1 (a strict UTF-8 decoder breaks
 * on `tropicália`), the others UTF-8/ASCII. Tag assignments on the 390 artist
 * ids missing from `artists.dat` are dropped with the rest of the unknowns.
 */
export function loadLastfm(dir: string, options: LoadOptions = {}): LastfmDataset {
  const read = (file: string, encoding: BufferEncoding = 'utf8'): string[][] =>
    readDat(readFileSync(path.join(dir, file), encoding));

  const pairs = read('user_artists.dat').map((r, i) => ({
    user: toInt(r[0], 'user_artists.dat', i),
    artist: toInt(r[1], 'user_artists.dat', i),
    weight: toInt(r[2], 'user_artists.dat', i),
  }));
  let userIds = [...new Set(pairs.map((p) => p.user))].sort((a, b) => a - b);
  if (options.maxUsers !== undefined) userIds = userIds.slice(0, options.maxUsers);
  const userIndex = new Map(userIds.map((id, i) => [id, i]));
  const kept = pairs.filter((p) => userIndex.has(p.user));
  const artistIds = [...new Set(kept.map((p) => p.artist))].sort((a, b) => a - b);
  const artistIndex = new Map(artistIds.map((id, i) => [id, i]));

  const names = new Map(read('artists.dat').map((r) => [Number(r[0]), r[1] ?? '']));
  const artistNames = artistIds.map((id) => names.get(id) ?? `artist ${id}`);

  const interactions: Interaction[] = kept.map((p) => ({
    user: userIndex.get(p.user) as number,
    item: artistIndex.get(p.artist) as number,
    weight: p.weight,
  }));

  const friends: number[][] = userIds.map(() => []);
  for (const [a, b] of read('user_friends.dat')) {
    const ua = userIndex.get(Number(a));
    const ub = userIndex.get(Number(b));
    if (ua !== undefined && ub !== undefined) friends[ua].push(ub);
  }

  const tagNames = new Map(
    read('tags.dat', 'latin1').map((r) => [Number(r[0]), (r[1] ?? '').trim().toLowerCase()]),
  );
  const taggings: Tagging[] = [];
  for (const r of read('user_taggedartists.dat')) {
    const item = artistIndex.get(Number(r[1]));
    const tag = tagNames.get(Number(r[2]));
    if (item === undefined || !tag) continue;
    taggings.push({ user: userIndex.get(Number(r[0])) ?? -1, item, tag });
  }

  return { userIds, artistIds, artistNames, interactions, friends, taggings };
}
