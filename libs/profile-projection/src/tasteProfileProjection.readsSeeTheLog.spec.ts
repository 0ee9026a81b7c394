import { listenerStreamId, newQfzzEvent } from '@qfzz/domain';
import type { SqliteEventStore } from '@qfzz/event-store';
import { LruHotCache } from '@qfzz/cache';
import { followLogIntoProfiles } from './profileFollower';
import type { SqliteProfileReadModels } from './sqlite/sqliteProfileReadModels';
import { TasteProfileProjection } from './tasteProfileProjection';
import { sqliteLogPerTest } from './testing/sqliteLogPerTest';

/** Edge mode lets the follower gather a busy log; reads must not show that delay. */
describe('TasteProfileProjection with readsSeeTheLog, beside a lingering follower', () => {
  let store: SqliteEventStore;
  let readModels: SqliteProfileReadModels;
  sqliteLogPerTest('qfzz-reads-log-', (opened) => {
    store = opened.store;
    readModels = opened.readModels;
  });

  const like = (artist: string) =>
    newQfzzEvent('TrackLiked', { track: { trackId: `t-${artist}`, genre: 'rock', artist } });

  it('reads every event at once, while a projection that trusts its cache reads the follower’s last batch', async () => {
    const cache = new LruHotCache();
    const seesTheLog = new TasteProfileProjection(store, readModels.live(), { cache, readsSeeTheLog: true });
    const trustsCache = new TasteProfileProjection(store, readModels.live(), { cache });
    const follower = await followLogIntoProfiles(store, readModels, seesTheLog, { lingerMs: 500 });
    const ada = listenerStreamId('ada');
    const first = await store.appendToStream(ada, [
      newQfzzEvent('ListenerRegistered', { listenerId: 'ada', name: 'Ada' }),
      like('Queen'),
    ]);
    await follower.waitFor(first.lastPosition);

    // The follower now lingers half a second before it folds these.
    await store.appendToStream(ada, [like('Muse'), like('Blur')]);
    expect((await trustsCache.getProfile('ada'))?.version).toBe(2);
    const seen = await seesTheLog.getProfile('ada');
    expect(seen?.version).toBe(4);
    expect(Object.keys(seen?.profile.artists ?? {}).sort()).toEqual(['Blur', 'Muse', 'Queen']);
    await follower.stop();
  });
});
