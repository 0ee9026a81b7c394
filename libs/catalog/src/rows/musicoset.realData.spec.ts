import { catalogTrackSchema } from '@qfzz/domain';
import { readMusicoset } from '../testing/sharedData';
import { parseMusicosetSongs } from './musicoset';
import { formatRejection, prepareImport, type ImportPlan } from './sourceRows';

describe('parseMusicosetSongs on small files', () => {
  const songs =
    'song_id\tsong_name\tbillboard\tartists\tpopularity\texplicit\tsong_type\r\n' +
    "s1\tHuman\t('Human', 'Rag')\t{'a1': \"Rag'n'Bone Man\"}\t77\tFalse\tSolo\r\n" +
    "s2\tDuet\t('Duet', 'X')\t{'a9': 'Nobody', 'a2': 'Singer'}\t50\tFalse\tCollaboration\r\n" +
    "s3\tNo Genre\t('No', 'Y')\t{'a3': 'Unknown Act'}\t5\tFalse\tSolo\r\n" +
    "s4\tBroken\t('B', 'Z')\t{'a1': 'oops\t1\tFalse\tSolo\r\n";
  const acoustic =
    'song_id\tduration_ms\tkey\tmode\ttime_signature\tacousticness\tdanceability\tenergy\tinstrumentalness\tliveness\tloudness\tspeechiness\tvalence\ttempo\n' +
    's1\t200187\t1\t1\t4\t0.3\t0.602\t0.707\t0\t0.1\t-5\t0.05\t0.554\t75.09\n' +
    's2\t180000\t1\t1\t4\t0.3\t0.5\t0.9\t0\t0.1\t-5\t0.05\t0.9\t0\n';
  const artists =
    'artist_id\tname\tfollowers\tpopularity\tartist_type\tmain_genre\tgenres\timage_url\r\n' +
    "a1\tRag'n'Bone Man\t1\t80\tsinger\tNeo Soul\t['neo soul', \"children's music\", 'Pop']\thttp://x\r\n" +
    "a2\tSinger\t1\t80\tsinger\t-\t['dance pop', 'pop']\thttp://x\r\n" +
    'a3\tUnknown Act\t1\t80\t-\t-\t[]\thttp://x\r\n';

  it('joins the three files, takes genre from the first artist that has one, and reports rows it cannot use', () => {
    const plan = prepareImport(parseMusicosetSongs(songs, acoustic, artists));
    expect(plan.tracks).toEqual([
      {
        trackId: 's1',
        title: 'Human',
        artist: "Rag'n'Bone Man",
        genre: 'neo soul',
        mood: 'happy',
        energy: 0.707,
        tempo: 'slow',
        bpm: 75.09,
        valence: 0.554,
        danceability: 0.602,
        durationMs: 200187,
        popularity: 77,
        tags: ["children's music", 'pop'],
      },
      {
        // The first artist is not in artists.csv: the co-artist's genre; tempo 0 is unknown.
        trackId: 's2',
        title: 'Duet',
        artist: 'Nobody',
        genre: 'dance pop',
        mood: 'energetic',
        energy: 0.9,
        valence: 0.9,
        danceability: 0.5,
        durationMs: 180000,
        popularity: 50,
        tags: ['pop'],
      },
    ]);
    expect(plan.rejected.map(formatRejection)).toEqual([
      'songs.csv row 4: no genre: none of its artists has one (Unknown Act)',
      expect.stringMatching(/^songs.csv row 5: artists: not a Python dict literal \(unterminated string/),
    ]);
  });
});

describe('parseMusicosetSongs on the real MusicOSet files', () => {
  let plan: ImportPlan;
  beforeAll(() => {
    plan = prepareImport(
      parseMusicosetSongs(
        readMusicoset('songs.csv'),
        readMusicoset('acoustic_features.csv'),
        readMusicoset('artists.csv'),
      ),
    );
  });

  it('accepts the 18,424 songs one of whose artists has a genre; the 1,981 others are rejected row by row', () => {
    // 20,405 songs; 3,148 of 11,518 artists have no genre. Taking the first artist's genre
    // alone would keep 18,194; falling back to a co-artist keeps 230 more.
    expect(plan.rowsRead).toBe(20405);
    expect(plan.tracks).toHaveLength(18424);
    expect(plan.rejected).toHaveLength(20405 - 18424);
    expect(plan.duplicateRows).toBe(0);
    expect(plan.rejected.every((r) => r.source === 'songs.csv' && r.row >= 2 && r.row <= 20406)).toBe(true);
    expect(plan.rejected.every((r) => r.reason.startsWith('no genre: none of its artists has one ('))).toBe(
      true,
    );
    expect(formatRejection(plan.rejected[0])).toBe(
      'songs.csv row 11: no genre: none of its artists has one (Bobby Helms)',
    );
    // Songs whose only artist is missing from artists.csv say so.
    expect(plan.rejected.filter((r) => r.reason.includes('(not in artists.csv)')).length).toBeGreaterThan(0);
  });

  it('reads Python literals with apostrophes and u-prefixed strings into valid tracks', () => {
    expect(plan.tracks.filter((t) => !catalogTrackSchema.safeParse(t).success)).toEqual([]);
    const byId = new Map(plan.tracks.map((t) => [t.trackId, t]));
    expect(byId.get('3e9HZxeyfWwjeyPAMmWSSQ')).toMatchObject({
      title: 'thank u, next',
      artist: 'Ariana Grande',
      genre: 'dance pop',
      energy: 0.653,
      tempo: 'medium',
      popularity: 86,
    });
    expect(plan.tracks.some((t) => t.artist === "Rag'n'Bone Man")).toBe(true);
    expect(plan.tracks.some((t) => t.artist === "Lil' Flip")).toBe(true);
    expect(plan.tracks.filter((t) => t.tempo === undefined)).toHaveLength(1);
    expect(plan.tracks.every((t) => t.genre === t.genre.toLowerCase())).toBe(true);
  });
});
