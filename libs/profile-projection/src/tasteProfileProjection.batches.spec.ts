import {
  foldTasteProfile,
  listenerStreamId,
  newQfzzEvent,
  type NewEvent,
  type RecordedEvent,
} from '@qfzz/domain';
import type { SqliteEventStore } from '@qfzz/event-store';
import { LruHotCache } from '@qfzz/cache';
import type { SqliteProfileReadModels } from './sqlite/sqliteProfileReadModels';
import { profileCacheKey, TasteProfileProjection } from './tasteProfileProjection';
import { sqliteLogPerTest } from './testing/sqliteLogPerTest';

/**
 * `applyMany` starts a listener from what its last batch wrote instead of
 * reading the row back; whatever else moved the row in between, the result is
 * still the fold of the whole stream.
 */
describe('TasteProfileProjection.applyMany, batch after batch', () => {
  let store: SqliteEventStore;
  let readModels: SqliteProfileReadModels;
  sqliteLogPerTest('qfzz-batches-', (opened) => {
    store = opened.store;
    readModels = opened.readModels;
  });

  const ada = listenerStreamId('ada');
  const like = (artist: string) =>
    newQfzzEvent('TrackLiked', { track: { trackId: `t-${artist}`, genre: 'rock', artist } });
  const append = async (...events: NewEvent[]): Promise<RecordedEvent[]> =>
    (await store.appendToStream(ada, events)).events;
  const expectFreshFold = async () => {
    const stream = await store.readStream(ada);
    const stored = await readModels.live().get('ada');
    expect(stored?.version).toBe(stream.length);
    expect(stored?.profile).toEqual(foldTasteProfile('ada', stream));
  };

  it('folds on from its own last write', async () => {
    const projection = new TasteProfileProjection(store, readModels.live());
    await projection.applyMany(
      await append(newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada' }), like('Queen')),
    );
    await projection.applyMany(await append(like('Muse')));
    await projection.applyMany(await append(like('Blur'), like('Muse')));
    await expectFreshFold();
  });

  it('reads the row again when another writer moved it on between two batches', async () => {
    const projection = new TasteProfileProjection(store, readModels.live());
    const replica = new TasteProfileProjection(store, readModels.live());
    await projection.applyMany(
      await append(newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada' }), like('Queen')),
    );
    const second = await append(like('Muse'));
    await replica.applyMany(second);
    // The replica's write is newer than what `projection` remembers; the batch repeats it and adds one.
    await projection.applyMany([...second, ...(await append(like('Blur')))]);
    await expectFreshFold();
  });

  it('starts over from the stream when the row was deleted between two batches (a forget)', async () => {
    const projection = new TasteProfileProjection(store, readModels.live());
    await projection.applyMany(
      await append(newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada' }), like('Queen')),
    );
    await readModels.live().delete('ada');
    await projection.applyMany(await append(like('Muse')));
    await expectFreshFold();
  });

  it('leaves the cache to reads when reads see the log, and those reads are fresh and cached', async () => {
    const cache = new LruHotCache();
    const projection = new TasteProfileProjection(store, readModels.live(), { cache, readsSeeTheLog: true });
    await projection.applyMany(
      await append(newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada' }), like('Queen')),
    );
    expect(await cache.get(profileCacheKey('ada'))).toBeUndefined();
    expect((await projection.getProfile('ada'))?.version).toBe(2);
    expect((await cache.get(profileCacheKey('ada')))?.version).toBe(2);

    // A fold the cache does not have yet: the stale entry is never what a read returns.
    await projection.applyMany(await append(like('Muse')));
    expect((await cache.get(profileCacheKey('ada')))?.version).toBe(2);
    const read = await projection.getProfile('ada');
    expect(read?.version).toBe(3);
    expect(Object.keys(read?.profile.artists ?? {}).sort()).toEqual(['Muse', 'Queen']);
    expect(await projection.isActiveListener('ada')).toBe(true);
  });
});
