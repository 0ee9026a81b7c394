import { catalogTrackSchema } from '@qfzz/domain';
import { validateCatalogTracks } from './validateCatalogTracks';

const base = { trackId: 't1', title: 'So What', artist: 'Miles Davis', genre: 'Jazz' };

describe('validateCatalogTracks', () => {
  it('accepts the minimal track; genre lower-cased, artist spelled as given, features unknown', () => {
    const { accepted, rejected } = validateCatalogTracks([base]);
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([{ trackId: 't1', title: 'So What', artist: 'Miles Davis', genre: 'jazz' }]);
    expect(accepted[0]).not.toHaveProperty('energy');
    expect(accepted[0]).not.toHaveProperty('mood');
    expect(catalogTrackSchema.parse(accepted[0])).toEqual(accepted[0]);
  });

  it('keeps the catalog spelling of genres like r&b and hip-hop, and lower-cases labels and tags', () => {
    const { accepted } = validateCatalogTracks([
      {
        ...base,
        genre: '  R&B ',
        subgenre: 'Neo  Soul',
        mood: 'Calm',
        tags: ['Hip-Hop', 'hip-hop', 'K-Pop'],
      },
    ]);
    expect(accepted[0]).toMatchObject({
      genre: 'r&b',
      subgenre: 'neo soul',
      mood: 'calm',
      tags: ['hip-hop', 'k-pop'],
    });
  });

  it('maps a BPM to a tempo and keeps the BPM; a tempo word is kept as is; 0 BPM is unknown', () => {
    const { accepted } = validateCatalogTracks([
      { ...base, trackId: 'a', tempo: 128 },
      { ...base, trackId: 'b', tempo: 'Slow' },
      { ...base, trackId: 'c', tempo: 0 },
      { ...base, trackId: 'd', bpm: 95 },
    ]);
    expect(accepted.map((t) => [t.tempo, t.bpm])).toEqual([
      ['fast', 128],
      ['slow', undefined],
      [undefined, undefined],
      ['medium', 95],
    ]);
  });

  it('derives a missing mood from valence and energy, only when both are known', () => {
    const { accepted } = validateCatalogTracks([
      { ...base, trackId: 'a', valence: 0.9, energy: 0.9 },
      { ...base, trackId: 'b', valence: 0.1, energy: 0.1 },
      { ...base, trackId: 'c', valence: 0.9 },
      { ...base, trackId: 'd', valence: 0.1, energy: 0.1, mood: 'romantic' },
    ]);
    expect(accepted.map((t) => t.mood)).toEqual(['energetic', 'sad', undefined, 'romantic']);
    expect(accepted[2]).not.toHaveProperty('energy');
  });

  it('names the field and the item in every error, and reports all problems of an item', () => {
    const { accepted, rejected } = validateCatalogTracks([
      base,
      { ...base, trackId: 'x2' },
      { ...base, trackId: 'x3' },
      { ...base, trackId: 'x4', energy: 1.2 },
      { trackId: 'bad id!', title: '', genre: 'pop' },
      'not an object',
      { ...base, trackId: 'x7', tempo: 'brisk', valence: '0.5', durationMs: 1.5, tags: ['ok', ''] },
      { ...base, trackId: 'x8', subgenre: '', danceability: -0.1, popularity: 101 },
    ]);
    expect(accepted.map((t) => t.trackId)).toEqual(['t1', 'x2', 'x3']);
    expect(rejected).toEqual([
      { index: 3, error: 'tracks[3].energy: must be between 0 and 1' },
      {
        index: 4,
        error:
          'tracks[4].trackId: must be 1..128 characters of letters, digits and - _ . :; ' +
          'tracks[4].title: must not be empty; tracks[4].artist: is required',
      },
      { index: 5, error: 'tracks[5]: must be an object' },
      {
        index: 6,
        error:
          'tracks[6].valence: must be a number; ' +
          'tracks[6].durationMs: must be a positive whole number of milliseconds; ' +
          'tracks[6].tempo: must be one of slow, medium, fast or a BPM number; ' +
          'tracks[6].tags[1]: must be a non-empty string',
      },
      {
        index: 7,
        error:
          'tracks[7].subgenre: must not be empty (leave it out instead); ' +
          'tracks[7].danceability: must be between 0 and 1; tracks[7].popularity: must be between 0 and 100',
      },
    ]);
  });

  it('never clamps: out of range is an error, the edges are fine', () => {
    const edges = validateCatalogTracks([
      { ...base, energy: 0, valence: 1, danceability: 0, popularity: 100 },
    ]);
    expect(edges.rejected).toEqual([]);
    const over = validateCatalogTracks([
      { ...base, tempo: 1001 },
      { ...base, tempo: -1 },
    ]);
    expect(over.rejected.map((r) => r.error)).toEqual([
      'tracks[0].tempo: a BPM must be between 0 and 1000 (0 = not detected)',
      'tracks[1].tempo: a BPM must be between 0 and 1000 (0 = not detected)',
    ]);
  });

  it('treats null audio features as unknown', () => {
    const { accepted } = validateCatalogTracks([{ ...base, energy: null, tempo: null, valence: null }]);
    expect(accepted[0]).toEqual({ trackId: 't1', title: 'So What', artist: 'Miles Davis', genre: 'jazz' });
  });

  it('a trackId repeated in one call: the last valid occurrence wins, the earlier ones are superseded', () => {
    const { accepted, acceptedIndexes, rejected, superseded } = validateCatalogTracks([
      { ...base, title: 'first' },
      { ...base, trackId: 'other' },
      { ...base, title: 'second' },
      { ...base, title: 'broken', energy: 7 },
    ]);
    expect(accepted.map((t) => t.title)).toEqual(['So What', 'second']);
    expect(acceptedIndexes).toEqual([1, 2]);
    expect(superseded).toEqual([{ index: 0, by: 2 }]);
    expect(rejected.map((r) => r.index)).toEqual([3]);
  });

  it('an empty label names bare fields, for messages that carry a row number', () => {
    const { rejected } = validateCatalogTracks([{ ...base, energy: 2 }], { label: () => '' });
    expect(rejected[0].error).toBe('energy: must be between 0 and 1');
  });
});
