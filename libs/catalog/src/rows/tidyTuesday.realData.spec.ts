import { catalogTrackSchema } from '@qfzz/domain';
import { readTidyTuesdayPart, TIDYTUESDAY_PARTS } from '../testing/sharedData';
import { formatRejection, prepareImport, type ImportPlan } from './sourceRows';
import { parseTidyTuesdayCsv } from './tidyTuesday';

const HEADER =
  'track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,track_album_release_date,' +
  'playlist_name,playlist_id,playlist_genre,playlist_subgenre,danceability,energy,key,loudness,mode,speechiness,' +
  'acousticness,instrumentalness,liveness,valence,tempo,duration_ms';

describe('parseTidyTuesdayCsv on a small file', () => {
  it('reads columns by name, keeps the first row of a repeated id and its other genres as tags', () => {
    const csv = [
      HEADER,
      'id1,"Song, with comma",Artist A,66,al,"Album ""X""",2019-06-14,P1,p1,pop,dance pop,0.748,0.916,6,-2.6,1,0.05,0.1,0,0.06,0.518,122.036,194754',
      'id2,NA,NA,0,al,NA,2012,P2,p2,rap,trap,0.7,0.8,6,-7,1,0.1,0.04,0,0.1,0.6,95.9,282707',
      'id1,"Song, with comma",Artist A,66,al,"Album ""X""",2019-06-14,P3,p3,edm,electro house,0.748,0.916,6,-2.6,1,0.05,0.1,0,0.06,0.518,122.036,194754',
      'id3,Quiet,Artist B,10,al,Al,2001,P4,p4,R&B,neo soul,0.3,NA,6,-9,1,0.05,0.9,0,0.1,0.2,0,200000',
      'id4,Loud,Artist C,10,al,Al,2001,P4,p4,rock,hard rock,0.3,1.5,6,-9,1,0.05,0.9,0,0.1,0.2,130,200000',
    ].join('\n');
    const parsed = parseTidyTuesdayCsv(csv, 'tiny.csv');
    expect(parsed.rowsRead).toBe(5);
    const plan = prepareImport(parsed);
    expect(plan.tracks).toEqual([
      {
        trackId: 'id1',
        title: 'Song, with comma',
        artist: 'Artist A',
        genre: 'pop',
        subgenre: 'dance pop',
        mood: 'energetic',
        energy: 0.916,
        tempo: 'fast',
        bpm: 122.036,
        valence: 0.518,
        danceability: 0.748,
        durationMs: 194754,
        popularity: 66,
        tags: ['edm', 'electro house'],
      },
      // energy NA and tempo 0: unknown, so no tempo and no mood either.
      {
        trackId: 'id3',
        title: 'Quiet',
        artist: 'Artist B',
        genre: 'r&b',
        subgenre: 'neo soul',
        valence: 0.2,
        danceability: 0.3,
        durationMs: 200000,
        popularity: 10,
      },
    ]);
    expect(plan.duplicateRows).toBe(1);
    expect(plan.rejected.map(formatRejection)).toEqual([
      'tiny.csv row 3: track_name, track_artist are "NA" (missing in the source)',
      'tiny.csv row 6: energy: must be between 0 and 1',
    ]);
  });

  it('a file without a needed column fails naming it', () => {
    expect(() => parseTidyTuesdayCsv('track_id,track_name\nx,y\n', 'bad.csv')).toThrow(
      /bad.csv: missing columns track_artist, playlist_genre/,
    );
  });
});

describe('parseTidyTuesdayCsv on the real TidyTuesday catalog (3 parts)', () => {
  let plan: ImportPlan;
  beforeAll(() => {
    plan = prepareImport(
      TIDYTUESDAY_PARTS.map((name) => parseTidyTuesdayCsv(readTidyTuesdayPart(name), name)),
    );
  });

  it('reads all 32,833 rows: 28,356 unique ids minus the 4 ids that only ever appear with NA names', () => {
    // shared/data/README.md: 32,833 rows, 28,356 unique track_ids, 5 rows with NA names.
    // Those 5 rows hold 4 ids (69gRFGOWY9OMpFJgFol1u0 is in two playlists), none of which
    // appears in another row, so 28,356 - 4 = 28,352 tracks; the other 32,833 - 5 - 28,352
    // = 4,476 rows repeat a track from another playlist.
    expect(plan.rowsRead).toBe(32833);
    expect(plan.tracks).toHaveLength(28352);
    expect(plan.duplicateRows).toBe(4476);
    expect(new Set(plan.tracks.map((t) => t.trackId)).size).toBe(28352);
    expect(plan.rejected.map(formatRejection)).toEqual([
      'spotify_songs.part1.csv row 8153: track_name, track_artist are "NA" (missing in the source)',
      'spotify_songs.part1.csv row 9284: track_name, track_artist are "NA" (missing in the source)',
      'spotify_songs.part1.csv row 9285: track_name, track_artist are "NA" (missing in the source)',
      'spotify_songs.part2.csv row 8625: track_name, track_artist are "NA" (missing in the source)',
      'spotify_songs.part2.csv row 8868: track_name, track_artist are "NA" (missing in the source)',
    ]);
  });

  it('keeps the other playlist genres as tags: 1,686 tracks sit in more than one genre (1,687 minus one NA track)', () => {
    const genres = new Set(['edm', 'rap', 'pop', 'r&b', 'latin', 'rock']);
    const multiGenre = plan.tracks.filter((t) =>
      (t.tags ?? []).some((tag) => genres.has(tag) && tag !== t.genre),
    );
    expect(multiGenre).toHaveLength(1686);
    expect(new Set(plan.tracks.map((t) => t.genre))).toEqual(genres);
  });

  it('every track is a valid CatalogTrack with a tempo and mood where the features allow', () => {
    expect(plan.tracks.filter((t) => !catalogTrackSchema.safeParse(t).success)).toEqual([]);
    // One row has tempo 0 ("not detected"): no tempo, no bpm.
    const noTempo = plan.tracks.filter((t) => t.tempo === undefined);
    expect(noTempo).toHaveLength(1);
    expect(noTempo[0].bpm).toBeUndefined();
    expect(plan.tracks.every((t) => t.mood !== undefined)).toBe(true);
    const first = plan.tracks[0];
    expect(first).toMatchObject({
      trackId: '6f807x0ima9a1j3VPbc7VN',
      artist: 'Ed Sheeran',
      genre: 'pop',
      tempo: 'fast',
    });
  });
});
