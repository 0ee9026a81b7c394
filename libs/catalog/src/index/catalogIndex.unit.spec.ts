import { CATALOG_STREAM_ID, type CatalogTrack, type RecordedEvent } from '@qfzz/domain';
import { CatalogIndex, MAX_SEARCH_LIMIT, TEMPO_CODES } from './catalogIndex';
import { CatalogQueryError } from './catalogQueryError';
import { decodeCursor, encodeCursor } from './cursor';

function track(n: number, extra: Partial<CatalogTrack> = {}): CatalogTrack {
  return {
    trackId: `t${n}`,
    title: `Song ${n}`,
    artist: n % 2 === 0 ? 'Beyoncé' : 'Miles Davis',
    genre: n % 3 === 0 ? 'jazz' : 'pop',
    ...extra,
  };
}

function catalogEvent(
  position: number,
  tracks: CatalogTrack[],
  type = 'TracksAddedToCatalog',
): RecordedEvent {
  return {
    eventId: `e${position}`,
    streamId: CATALOG_STREAM_ID,
    version: position,
    position,
    type,
    schemaVersion: 1,
    data: { tracks },
    metadata: { occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z' },
    prevHash: '',
    hash: '',
  };
}

describe('CatalogIndex', () => {
  it('looks tracks up by id in request order, listing the missing ones', () => {
    const index = new CatalogIndex(2);
    index.applyTracks([1, 2, 3, 4, 5].map((n) => track(n)));
    expect(index.size).toBe(5);
    const { tracks, missing } = index.get(['t3', 'nope', 't1', 'gone']);
    expect(tracks.map((t) => t.trackId)).toEqual(['t3', 't1']);
    expect(missing).toEqual(['nope', 'gone']);
  });

  it('gives a track back as imported; unknown features stay unknown', () => {
    const index = new CatalogIndex();
    const full: CatalogTrack = {
      trackId: 'x',
      title: 'Full',
      artist: 'A',
      genre: 'r&b',
      subgenre: 'neo soul',
      mood: 'calm',
      energy: 0.916,
      tempo: 'fast',
      bpm: 122.036,
      valence: 0.0653,
      danceability: 0.748,
      durationMs: 194754,
      popularity: 66,
      tags: ['edm'],
    };
    index.applyTracks([full, track(1)]);
    expect(index.get(['x']).tracks[0]).toEqual(full);
    expect(index.get(['t1']).tracks[0]).toEqual(track(1));
  });

  it('exposes the numeric columns for scoring, NaN for unknown and codes for names', () => {
    const index = new CatalogIndex();
    index.applyTracks([track(1, { energy: 0.5, tempo: 'slow' }), track(2)]);
    const columns = index.columns();
    expect(columns.size).toBe(2);
    expect(columns.energy[0]).toBe(0.5);
    expect(Number.isNaN(columns.energy[1])).toBe(true);
    expect(TEMPO_CODES[columns.tempoCode[0]]).toBe('slow');
    expect(TEMPO_CODES[columns.tempoCode[1]]).toBeUndefined();
    expect(index.genreName(columns.genreCode[0])).toBe('pop');
    expect(index.artistName(columns.artistCode[1])).toBe('Beyoncé');
    expect(index.moodName(columns.moodCode[0])).toBeUndefined();
    expect(index.genreCodeOf('POP')).toBe(columns.genreCode[0]);
  });

  it('is idempotent on trackId: a re-import overwrites the row in place, lists and counts follow', () => {
    const index = new CatalogIndex();
    index.applyTracks([track(1), track(2), track(3)]);
    const before = index.version;
    index.applyTracks([track(1), track(2), track(3)]);
    expect(index.size).toBe(3);
    expect(index.version).toBeGreaterThan(before);
    index.applyTracks([track(1, { genre: 'rock', artist: 'Nina Simone', energy: 0.2 })]);
    expect(index.size).toBe(3);
    expect(index.rowOf('t1')).toBe(0);
    expect(index.get(['t1']).tracks[0]).toMatchObject({ genre: 'rock', artist: 'Nina Simone', energy: 0.2 });
    expect(index.search({ genre: 'pop' }).tracks.map((t) => t.trackId)).toEqual(['t2']);
    expect(index.search({ genre: 'rock' }).tracks.map((t) => t.trackId)).toEqual(['t1']);
    expect(index.search({ artist: 'miles davis' }).tracks.map((t) => t.trackId)).toEqual(['t3']);
    expect(index.vocabulary()).toEqual({
      genres: ['jazz', 'pop', 'rock'],
      artists: ['Beyoncé', 'Miles Davis', 'Nina Simone'],
    });
    index.applyTracks([track(3, { artist: 'Nina Simone', genre: 'rock' })]);
    expect(index.vocabulary()).toEqual({ genres: ['pop', 'rock'], artists: ['Beyoncé', 'Nina Simone'] });
    expect(index.stats()).toEqual({ tracks: 3, genres: 2, artists: 2, position: 0 });
  });

  it('folds only TracksAddedToCatalog events of the catalog stream, and remembers their position', () => {
    const index = new CatalogIndex();
    expect(index.applyEvent(catalogEvent(3, [track(1)]))).toBe(true);
    expect(index.applyEvent(catalogEvent(4, [track(2)], 'TrackPlayed'))).toBe(false);
    expect(index.applyEvent({ ...catalogEvent(5, [track(3)]), streamId: 'listener-x' })).toBe(false);
    expect(index.stats()).toEqual({ tracks: 1, genres: 1, artists: 1, position: 3 });
    expect(() => index.applyEvent(catalogEvent(6, [{ ...track(9), energy: 3 }]))).toThrow(/energy/);
    expect(index.size).toBe(1);
  });

  it('skips an event at or before the last position it folded: a second follower behind puts nothing back', () => {
    const index = new CatalogIndex();
    const older = catalogEvent(3, [track(1, { title: 'Old title' })]);
    const newer = catalogEvent(7, [track(1, { title: 'New title' })]);
    expect(index.applyEvent(older)).toBe(true);
    expect(index.applyEvent(newer)).toBe(true);
    const version = index.version;
    // The other follower of the same log, behind, delivers both again.
    expect(index.applyEvent(older)).toBe(false);
    expect(index.applyEvent(newer)).toBe(false);
    expect(index.trackAt(index.rowOf(track(1).trackId) as number).title).toBe('New title');
    expect(index.version).toBe(version);
  });

  describe('search', () => {
    const index = new CatalogIndex();
    index.applyTracks(Array.from({ length: 120 }, (_, n) => track(n)));
    index.applyTracks([
      { trackId: 'h1', title: 'Halo', artist: 'Beyoncé', genre: 'r&b' },
      { trackId: 'h2', title: 'Crazy in Love', artist: 'Beyonce', genre: 'r&b' },
    ]);

    it('pages through everything with the default limit of 50 and opaque cursors, no row twice', () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = index.search({ cursor });
        seen.push(...page.tracks.map((t) => t.trackId));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(122);
      expect(new Set(seen).size).toBe(122);
    });

    it('filters by genre (case-insensitive) and pages within it; the last page has no cursor', () => {
      const first = index.search({ genre: 'JAZZ', limit: 30 });
      expect(first.tracks).toHaveLength(30);
      expect(first.tracks.every((t) => t.genre === 'jazz')).toBe(true);
      const second = index.search({ genre: 'jazz', limit: 30, cursor: first.nextCursor });
      expect(second.tracks).toHaveLength(10);
      expect(second.nextCursor).toBeUndefined();
      expect(index.search({ genre: 'polka' })).toEqual({ tracks: [] });
    });

    it('combines genre and artist; artist ignores case and accents but wants the whole name', () => {
      const page = index.search({ genre: 'jazz', artist: 'BEYONCE', limit: 500 });
      expect(page.tracks).toHaveLength(20);
      expect(page.tracks.every((t) => t.genre === 'jazz' && t.artist === 'Beyoncé')).toBe(true);
      expect(index.search({ artist: 'beyon' }).tracks).toEqual([]);
    });

    it('q matches every word over title and artist, ignoring case and accents', () => {
      expect(index.search({ q: 'halo beyonce' }).tracks.map((t) => t.trackId)).toEqual(['h1']);
      expect(index.search({ q: 'crazy BEYONCÉ' }).tracks.map((t) => t.trackId)).toEqual(['h2']);
      expect(index.search({ q: 'song 11', limit: 500 }).tracks.map((t) => t.trackId)).toEqual([
        't11',
        't110',
        't111',
        't112',
        't113',
        't114',
        't115',
        't116',
        't117',
        't118',
        't119',
      ]);
    });

    it('a cursor stays valid while the catalog grows: new tracks come after it', () => {
      const grow = new CatalogIndex();
      grow.applyTracks([1, 2, 3].map((n) => track(n)));
      const first = grow.search({ limit: 2 });
      grow.applyTracks([track(4), track(1, { title: 'Renamed' })]);
      const second = grow.search({ limit: 2, cursor: first.nextCursor });
      expect(second.tracks.map((t) => t.trackId)).toEqual(['t3', 't4']);
    });

    it('refuses a limit outside 1..500, a forged cursor and empty strings, with the field named', () => {
      const refuse = (request: object, message: string) => {
        let error: unknown;
        try {
          index.search(request);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CatalogQueryError);
        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message });
      };
      refuse({ limit: 0 }, `limit: must be a whole number between 1 and ${MAX_SEARCH_LIMIT}`);
      refuse({ limit: 501 }, `limit: must be a whole number between 1 and ${MAX_SEARCH_LIMIT}`);
      refuse({ limit: 2.5 }, `limit: must be a whole number between 1 and ${MAX_SEARCH_LIMIT}`);
      refuse({ cursor: 'bm9wZQ' }, 'cursor: not a cursor this catalog handed out');
      refuse({ genre: '' }, 'genre: must not be empty (leave it out instead)');
      expect(index.search({ limit: 500 }).tracks).toHaveLength(122);
    });

    it('cursors are base64 of the row offset', () => {
      expect(decodeCursor(encodeCursor(1234))).toBe(1234);
      expect(Buffer.from(encodeCursor(7), 'base64url').toString()).toBe('r7');
    });
  });

  it('estimates its memory, growing with the tracks it holds', () => {
    const small = new CatalogIndex(16);
    small.applyTracks([track(1)]);
    const big = new CatalogIndex(16);
    big.applyTracks(Array.from({ length: 2000 }, (_, n) => track(n)));
    expect(big.memoryBytes()).toBeGreaterThan(small.memoryBytes());
    const perTrack = big.memoryBytes() / big.size;
    expect(perTrack).toBeGreaterThan(50);
    expect(perTrack).toBeLessThan(1000);
  });
});
