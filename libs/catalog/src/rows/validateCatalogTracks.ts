import { ID_RULE, isValidId, TRACK_TEMPOS, type CatalogTrack, type TrackTempo } from '@qfzz/domain';
import { deriveMood } from './mood';
import { bpmToTempo } from './tempo';

/** The largest BPM taken as real; Spotify's highest is about 250. */
export const MAX_BPM = 1000;
/** More tags than this on one track is a 400, not a silent cut. */
export const MAX_TAGS = 50;
const MAX_TITLE = 500;
const MAX_LABEL = 200;

export interface CatalogRejection {
  /** Index of the item in the input array. */
  index: number;
  /** Every problem of the item, each naming its field: `tracks[3].energy: must be between 0 and 1`. */
  error: string;
}

export interface CatalogSuperseded {
  /** An item whose trackId comes again later in the same call ... */
  index: number;
  /** ... and the later item that replaced it (the last valid occurrence wins). */
  by: number;
}

export interface ValidatedCatalogTracks {
  /** Valid tracks in input order, one per trackId. */
  accepted: CatalogTrack[];
  /** Parallel to `accepted`: the input index each came from. */
  acceptedIndexes: number[];
  rejected: CatalogRejection[];
  superseded: CatalogSuperseded[];
}

export interface ValidateOptions {
  /**
   * How an item is named in errors; default `tracks[<index>]` as in
   * `POST /v1/catalog/tracks`. An empty name gives bare field names
   * (`energy: must be between 0 and 1`), for messages that carry a row number.
   */
  label?: (index: number) => string;
  /**
   * `last-wins` (default, the API's rule) keeps one track per trackId;
   * `keep-all` returns every valid item, for callers with their own rule.
   */
  repeatedIds?: 'last-wins' | 'keep-all';
}

/** Lower case and single spaces: genres, subgenres, moods and tags as the catalog spells them. */
export function normaliseLabel(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The one set of rules for catalog tracks, whatever they came from (the API
 * body, a CSV row, a TSV row), so every importer accepts the same tracks.
 *
 * - `trackId`, `title`, `artist`, `genre` are required; ids follow the id
 *   rule; genre, subgenre, mood and tags are lower-cased (`R&B` -> `r&b`); the
 *   artist keeps its spelling (it is the key of the listener's artist weights).
 * - `energy`, `valence`, `danceability` are numbers in 0..1, `popularity`
 *   0..100, `durationMs` a positive whole number; outside the range is an
 *   error, never clamped. `null` or absent means unknown and stays undefined.
 * - `tempo` is `slow` | `medium` | `fast` or a BPM (also accepted as `bpm`);
 *   a BPM sets both `bpm` and the tempo (`< 90` slow, `90..<120` medium,
 *   `>= 120` fast); BPM 0 means "not detected" and leaves both unknown.
 * - a missing mood is derived from valence and energy when both are known.
 * - An empty string in an optional field is an error, not a default.
 * - A trackId given more than once in one call: the last valid occurrence
 *   wins (as two calls in a row would do); the earlier ones are listed in
 *   `superseded`, not in `rejected`.
 * - Unknown fields are ignored.
 */
export function validateCatalogTracks(
  rows: readonly unknown[],
  options: ValidateOptions = {},
): ValidatedCatalogTracks {
  const label = options.label ?? ((index: number) => `tracks[${index}]`);
  const valid: { index: number; track: CatalogTrack }[] = [];
  const rejected: CatalogRejection[] = [];
  rows.forEach((row, index) => {
    const result = validateOne(row, label(index));
    if ('error' in result) rejected.push({ index, error: result.error });
    else valid.push({ index, track: result.track });
  });

  const lastIndexOf = new Map<string, number>();
  for (const { index, track } of valid) lastIndexOf.set(track.trackId, index);
  const accepted: CatalogTrack[] = [];
  const acceptedIndexes: number[] = [];
  const superseded: CatalogSuperseded[] = [];
  for (const { index, track } of valid) {
    const last = lastIndexOf.get(track.trackId) as number;
    if (last !== index && options.repeatedIds !== 'keep-all') {
      superseded.push({ index, by: last });
      continue;
    }
    accepted.push(track);
    acceptedIndexes.push(index);
  }
  return { accepted, acceptedIndexes, rejected, superseded };
}

/** Validates one item; `label` names it in errors. */
export function validateCatalogTrack(
  row: unknown,
  label = 'track',
): { track: CatalogTrack } | { error: string } {
  return validateOne(row, label);
}

function validateOne(row: unknown, label: string): { track: CatalogTrack } | { error: string } {
  if (row === null || typeof row !== 'object' || Array.isArray(row))
    return { error: label ? `${label}: must be an object` : 'must be an object' };
  const input = row as Record<string, unknown>;
  const errors: string[] = [];
  const fail = (field: string, message: string) => {
    errors.push(label ? `${label}.${field}: ${message}` : `${field}: ${message}`);
    return undefined;
  };

  const trackId = input['trackId'];
  if (trackId === undefined || trackId === null) fail('trackId', 'is required');
  else if (!isValidId(trackId)) fail('trackId', `must be ${ID_RULE}`);

  const title = requiredText(input, 'title', MAX_TITLE, fail);
  const artist = requiredText(input, 'artist', MAX_LABEL, fail);
  const genreText = requiredText(input, 'genre', MAX_LABEL, fail);
  const subgenre = optionalLabel(input, 'subgenre', fail);
  const moodGiven = optionalLabel(input, 'mood', fail);

  const energy = optionalNumber(input, 'energy', 0, 1, fail);
  const valence = optionalNumber(input, 'valence', 0, 1, fail);
  const danceability = optionalNumber(input, 'danceability', 0, 1, fail);
  const popularity = optionalNumber(input, 'popularity', 0, 100, fail);

  let durationMs: number | undefined;
  const rawDuration = input['durationMs'];
  if (rawDuration !== undefined && rawDuration !== null) {
    if (typeof rawDuration !== 'number' || !Number.isInteger(rawDuration) || rawDuration <= 0)
      fail('durationMs', 'must be a positive whole number of milliseconds');
    else durationMs = rawDuration;
  }

  let tempo: TrackTempo | undefined;
  let bpm: number | undefined;
  const rawTempo = input['tempo'];
  if (rawTempo !== undefined && rawTempo !== null) {
    if (typeof rawTempo === 'string') {
      const word = rawTempo.trim().toLowerCase();
      if ((TRACK_TEMPOS as readonly string[]).includes(word)) tempo = word as TrackTempo;
      else fail('tempo', `must be one of ${TRACK_TEMPOS.join(', ')} or a BPM number`);
    } else if (typeof rawTempo === 'number') {
      if (!Number.isFinite(rawTempo) || rawTempo < 0 || rawTempo > MAX_BPM)
        fail('tempo', `a BPM must be between 0 and ${MAX_BPM} (0 = not detected)`);
      else if (rawTempo > 0) {
        bpm = rawTempo;
        tempo = bpmToTempo(rawTempo);
      }
    } else fail('tempo', `must be one of ${TRACK_TEMPOS.join(', ')} or a BPM number`);
  }
  const rawBpm = input['bpm'];
  if (rawBpm !== undefined && rawBpm !== null) {
    if (typeof rawBpm !== 'number' || !Number.isFinite(rawBpm) || rawBpm < 0 || rawBpm > MAX_BPM)
      fail('bpm', `must be between 0 and ${MAX_BPM} (0 = not detected)`);
    else if (rawBpm > 0) {
      bpm = rawBpm;
      tempo ??= bpmToTempo(rawBpm);
    }
  }

  let tags: string[] | undefined;
  const rawTags = input['tags'];
  if (rawTags !== undefined && rawTags !== null) {
    if (!Array.isArray(rawTags)) fail('tags', 'must be a list of words');
    else if (rawTags.length > MAX_TAGS) fail('tags', `must have at most ${MAX_TAGS} entries`);
    else {
      const seen = new Set<string>();
      rawTags.forEach((tag, at) => {
        if (typeof tag !== 'string' || normaliseLabel(tag).length === 0)
          fail(`tags[${at}]`, 'must be a non-empty string');
        else if (tag.trim().length > MAX_LABEL)
          fail(`tags[${at}]`, `must be at most ${MAX_LABEL} characters`);
        else seen.add(normaliseLabel(tag));
      });
      if (seen.size > 0) tags = [...seen];
    }
  }

  if (errors.length > 0) return { error: errors.join('; ') };

  const mood = moodGiven ?? deriveMood(valence, energy);
  const track: CatalogTrack = {
    trackId: trackId as string,
    title: title as string,
    artist: artist as string,
    genre: normaliseLabel(genreText as string),
  };
  if (subgenre !== undefined) track.subgenre = subgenre;
  if (mood !== undefined) track.mood = mood;
  if (energy !== undefined) track.energy = energy;
  if (tempo !== undefined) track.tempo = tempo;
  if (bpm !== undefined) track.bpm = bpm;
  if (valence !== undefined) track.valence = valence;
  if (danceability !== undefined) track.danceability = danceability;
  if (durationMs !== undefined) track.durationMs = durationMs;
  if (popularity !== undefined) track.popularity = popularity;
  if (tags !== undefined) track.tags = tags;
  return { track };
}

type Fail = (field: string, message: string) => undefined;

function requiredText(
  input: Record<string, unknown>,
  field: string,
  max: number,
  fail: Fail,
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return fail(field, 'is required');
  if (typeof value !== 'string') return fail(field, 'must be a string');
  const text = value.trim();
  if (text.length === 0) return fail(field, 'must not be empty');
  if (text.length > max) return fail(field, `must be at most ${max} characters`);
  return text;
}

function optionalLabel(input: Record<string, unknown>, field: string, fail: Fail): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return fail(field, 'must be a string');
  const text = normaliseLabel(value);
  if (text.length === 0) return fail(field, 'must not be empty (leave it out instead)');
  if (text.length > MAX_LABEL) return fail(field, `must be at most ${MAX_LABEL} characters`);
  return text;
}

function optionalNumber(
  input: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  fail: Fail,
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(field, 'must be a number');
  if (value < min || value > max) return fail(field, `must be between ${min} and ${max}`);
  return value;
}
