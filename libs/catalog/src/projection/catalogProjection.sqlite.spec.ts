import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CATALOG_SERVICE,
  CatalogQuery,
  type CatalogStats,
  type CatalogVocabulary,
  type GetTracksResult,
  type SearchTracksRequest,
  type TrackPage,
} from '@qfzz/contracts';
import { CATALOG_STREAM_ID, newQfzzEvent } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { InProcessQueryBus, isQueryError, type QueryResponder } from '@qfzz/messaging';
import { catalogEventId, importCatalogTracks, type ImportProgress } from '../import/importCatalogTracks';
import { prepareImport } from '../rows/sourceRows';
import { parseTidyTuesdayCsv } from '../rows/tidyTuesday';
import { readTidyTuesdayPart, TIDYTUESDAY_PARTS } from '../testing/sharedData';
import { CatalogProjection } from './catalogProjection';
import { serveCatalogQueries } from './serveCatalogQueries';

const tracks = [
  {
    trackId: 'so-what',
    title: 'So What',
    artist: 'Miles Davis',
    genre: 'Jazz',
    tempo: 136,
    valence: 0.6,
    energy: 0.3,
  },
  { trackId: 'blue-in-green', title: 'Blue in Green', artist: 'Miles Davis', genre: 'jazz', energy: 0.1 },
  {
    trackId: 'halo',
    title: 'Halo',
    artist: 'Beyoncé',
    genre: 'R&B',
    subgenre: 'Urban Contemporary',
    tempo: 'medium',
  },
  { trackId: 'bad', title: 'Bad', artist: 'X', genre: 'pop', energy: 2 },
  {
    trackId: 'paranoid',
    title: 'Paranoid',
    artist: 'Black Sabbath',
    genre: 'rock',
    valence: 0.2,
    energy: 0.9,
  },
];

describe('catalog over a real SQLite log and a real in-process query bus', () => {
  let dir: string;
  let store: SqliteEventStore;
  let projection: CatalogProjection;
  let bus: InProcessQueryBus;
  let responders: QueryResponder[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qfzz-catalog-'));
    store = new SqliteEventStore({ file: join(dir, 'qfzz.db') });
    projection = new CatalogProjection(store, { pollIntervalMs: 20 }).start();
    bus = new InProcessQueryBus();
    responders = await serveCatalogQueries(bus, projection.index);
  });

  afterEach(async () => {
    for (const responder of responders) await responder.stop();
    await bus.close();
    await projection.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = <Q, A>(query: string, payload: Q) => bus.request<Q, A>(CATALOG_SERVICE, query, payload);

  it('imports in chunks as TracksAddedToCatalog events and answers the four queries', async () => {
    const progress: ImportProgress[] = [];
    const result = await importCatalogTracks(store, tracks, {
      chunkSize: 2,
      onProgress: (p) => void progress.push(p),
    });
    expect(result.accepted).toBe(4);
    expect(result.rejected).toEqual([{ index: 3, error: 'tracks[3].energy: must be between 0 and 1' }]);
    expect(result.eventIds).toHaveLength(2);
    expect(result.eventsAlreadyInLog).toBe(0);
    expect(progress.map((p) => [p.chunk, p.chunks, p.tracksWritten, p.tracks])).toEqual([
      [1, 2, 2, 4],
      [2, 2, 4, 4],
    ]);
    const events = await store.readStream(CATALOG_STREAM_ID);
    expect(events.map((e) => [e.type, e.eventId, (e.data as { tracks: unknown[] }).tracks.length])).toEqual([
      ['TracksAddedToCatalog', result.eventIds[0], 2],
      ['TracksAddedToCatalog', result.eventIds[1], 2],
    ]);
    expect(result.position).toBe(events[1].position);

    await projection.waitFor(result.position);

    const got = await ask<{ trackIds: string[] }, GetTracksResult>(CatalogQuery.getTracks, {
      trackIds: ['halo', 'bad', 'so-what'],
    });
    expect(got.missing).toEqual(['bad']);
    expect(got.tracks).toEqual([
      {
        trackId: 'halo',
        title: 'Halo',
        artist: 'Beyoncé',
        genre: 'r&b',
        subgenre: 'urban contemporary',
        tempo: 'medium',
      },
      {
        trackId: 'so-what',
        title: 'So What',
        artist: 'Miles Davis',
        genre: 'jazz',
        mood: 'calm',
        energy: 0.3,
        tempo: 'fast',
        bpm: 136,
        valence: 0.6,
      },
    ]);

    const page1 = await ask<SearchTracksRequest, TrackPage>(CatalogQuery.search, { genre: 'jazz', limit: 1 });
    expect(page1.tracks.map((t) => t.trackId)).toEqual(['so-what']);
    const page2 = await ask<SearchTracksRequest, TrackPage>(CatalogQuery.search, {
      genre: 'jazz',
      limit: 1,
      cursor: page1.nextCursor,
    });
    expect(page2.tracks.map((t) => t.trackId)).toEqual(['blue-in-green']);
    expect(page2.nextCursor).toBeUndefined();
    const found = await ask<SearchTracksRequest, TrackPage>(CatalogQuery.search, { q: 'beyonce' });
    expect(found.tracks.map((t) => t.trackId)).toEqual(['halo']);

    expect(await ask<object, CatalogVocabulary>(CatalogQuery.vocabulary, {})).toEqual({
      genres: ['jazz', 'r&b', 'rock'],
      artists: ['Beyoncé', 'Black Sabbath', 'Miles Davis'],
    });
    expect(await ask<object, CatalogStats>(CatalogQuery.stats, {})).toEqual({
      tracks: 4,
      genres: 3,
      artists: 3,
      position: result.position,
    });
  });

  it('a bad query comes back as an INVALID_ARGUMENT error naming the field', async () => {
    await expect(
      ask<SearchTracksRequest, TrackPage>(CatalogQuery.search, { limit: 1000 }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'limit: must be a whole number between 1 and 500',
    });
    const error = await ask<object, GetTracksResult>(CatalogQuery.getTracks, { trackIds: 'halo' }).catch(
      (e) => e,
    );
    expect(isQueryError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'trackIds: must be a list of track ids',
    });
  });

  it('is idempotent: the same import twice writes no new event and leaves the index as it was', async () => {
    const first = await importCatalogTracks(store, tracks, { chunkSize: 2 });
    await projection.waitFor(first.position);
    const head = await store.headPosition();

    const second = await importCatalogTracks(store, tracks, { chunkSize: 2 });
    expect(second.eventIds).toEqual(first.eventIds);
    expect(second.eventsAlreadyInLog).toBe(2);
    expect(second.position).toBe(first.position);
    expect(await store.headPosition()).toBe(head);
    expect(await store.streamVersion(CATALOG_STREAM_ID)).toBe(2);

    // A re-import of a changed track is a new event that updates its row, not a new row.
    const changed = await importCatalogTracks(store, [{ ...tracks[0], title: 'So What (remastered)' }]);
    expect(changed.eventsAlreadyInLog).toBe(0);
    await projection.waitFor(changed.position);
    expect(projection.index.size).toBe(4);
    expect(projection.index.get(['so-what']).tracks[0].title).toBe('So What (remastered)');
    expect(projection.index.stats().position).toBe(changed.position);

    // The same content with a new importId is written again on purpose.
    const again = await importCatalogTracks(store, tracks.slice(0, 2), { importId: 'restore-1' });
    expect(again.eventIds[0]).toBe(
      catalogEventId(
        [
          {
            trackId: 'so-what',
            title: 'So What',
            artist: 'Miles Davis',
            genre: 'jazz',
            mood: 'calm',
            energy: 0.3,
            tempo: 'fast',
            bpm: 136,
            valence: 0.6,
          },
          {
            trackId: 'blue-in-green',
            title: 'Blue in Green',
            artist: 'Miles Davis',
            genre: 'jazz',
            energy: 0.1,
          },
        ],
        'restore-1',
      ),
    );
    expect(again.eventsAlreadyInLog).toBe(0);
    await projection.waitFor(again.position);
    expect(projection.index.get(['so-what']).tracks[0].title).toBe('So What');
    expect(projection.index.size).toBe(4);
  });

  it('a fresh projection rebuilds the same catalog by replay, ignoring other streams', async () => {
    await store.appendToStream('listener-ada', [newQfzzEvent('ListenerRegistered', { listenerId: 'ada' })]);
    const result = await importCatalogTracks(store, tracks);
    await projection.waitFor(result.position);

    const replica = new CatalogProjection(store).start();
    try {
      await replica.caughtUp();
      expect(replica.index.stats()).toEqual(projection.index.stats());
      expect(replica.index.search({ limit: 500 })).toEqual(projection.index.search({ limit: 500 }));
      expect(replica.skipped).toBe(0);
    } finally {
      await replica.stop();
    }
  });

  it('imports the real TidyTuesday catalog: 28,352 tracks in 29 events, replayed into the index', async () => {
    const plan = prepareImport(
      TIDYTUESDAY_PARTS.map((name) => parseTidyTuesdayCsv(readTidyTuesdayPart(name), name)),
    );
    const result = await importCatalogTracks(store, plan.tracks);
    expect(result.accepted).toBe(28352);
    expect(result.rejected).toEqual([]);
    expect(result.eventIds).toHaveLength(29);
    await projection.waitFor(result.position);
    const stats = await ask<object, CatalogStats>(CatalogQuery.stats, {});
    expect(stats).toMatchObject({ tracks: 28352, genres: 6, position: result.position });
    const genres = (await ask<object, CatalogVocabulary>(CatalogQuery.vocabulary, {})).genres;
    expect(genres).toEqual(['edm', 'latin', 'pop', 'r&b', 'rap', 'rock']);
  });
});
