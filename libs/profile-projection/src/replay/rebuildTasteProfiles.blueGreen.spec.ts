import { foldTasteProfile, listenerStreamId, newQfzzEvent } from '@qfzz/domain';
import type { SqliteEventStore } from '@qfzz/event-store';
import { followLogIntoProfiles } from '../profileFollower';
import type { SqliteProfileReadModels } from '../sqlite/sqliteProfileReadModels';
import { TasteProfileProjection } from '../tasteProfileProjection';
import { appendSimulatedListening } from '../testing/simulatedListeners';
import { rebuildTasteProfiles, type ReplayProgress } from './rebuildTasteProfiles';
import { sqliteLogPerTest } from '../testing/sqliteLogPerTest';

describe('rebuilding taste profiles from position 0 (blue-green)', () => {
  let store: SqliteEventStore;
  let readModels: SqliteProfileReadModels;
  sqliteLogPerTest('qfzz-rebuild-', (opened) => {
    store = opened.store;
    readModels = opened.readModels;
  });

  it('builds a fresh generation, swaps it in, and reports progress up to the head', async () => {
    const ids = await appendSimulatedListening(store, { listeners: 20, events: 3000, batch: 5 });
    // The live generation holds something wrong that only a rebuild from the log repairs.
    const live = readModels.live();
    const wrong = foldTasteProfile(ids[0], []);
    await live.putMany([
      { listenerId: ids[0], profile: { ...wrong, energyLevel: 0.99 }, version: 999, position: 1 },
    ]);
    const before = await readModels.activeGeneration();

    const progress: ReplayProgress[] = [];
    const report = await rebuildTasteProfiles({
      store,
      readModels,
      batchSize: 500,
      onProgress: (p) => progress.push(p),
    });

    expect(report.events).toBe(await store.headPosition());
    expect(report.profiles).toBe(20);
    expect(await readModels.activeGeneration()).toBe(report.generation);
    expect(report.generation).toBeGreaterThan(before);
    for (const id of ids) {
      const stream = await store.readStream(listenerStreamId(id));
      expect((await readModels.live().get(id))?.profile).toEqual(foldTasteProfile(id, stream));
    }
    const rebuilding = progress.filter((p) => p.phase === 'rebuilding');
    expect(rebuilding.length).toBeGreaterThanOrEqual(6);
    expect(rebuilding.map((p) => p.position)).toEqual(
      [...rebuilding.map((p) => p.position)].sort((a, b) => a - b),
    );
    expect(rebuilding.every((p) => p.eventsPerSecond > 0 && p.etaSeconds !== undefined)).toBe(true);
    expect(progress.map((p) => p.phase).slice(-3)).toEqual(['swapping', 'catching-up', 'done']);
    expect(progress[progress.length - 1].position).toBe(progress[progress.length - 1].head);
  });

  it('folds the same profiles when memory is full and profiles go to the new generation and back', async () => {
    const ids = await appendSimulatedListening(store, { listeners: 25, events: 4000, seed: 5, batch: 3 });
    const report = await rebuildTasteProfiles({ store, readModels, batchSize: 150, maxProfilesInMemory: 4 });
    expect(report.profiles).toBe(25);
    for (const id of ids) {
      const stream = await store.readStream(listenerStreamId(id));
      const stored = await readModels.live().get(id);
      expect(stored?.version).toBe(stream.length);
      expect(stored?.position).toBe(stream[stream.length - 1].position);
      expect(stored?.profile).toEqual(foldTasteProfile(id, stream));
    }
  });

  it('misses nothing that is appended while it runs, next to a live follower', async () => {
    const ids = await appendSimulatedListening(store, { listeners: 10, events: 2000, seed: 3 });
    const follower = await followLogIntoProfiles(
      store,
      readModels,
      new TasteProfileProjection(store, readModels.live()),
    );
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const id = ids[i % ids.length];
        await store.appendToStream(listenerStreamId(id), [
          newQfzzEvent('TrackLiked', {
            track: { trackId: `late-${i}`, genre: 'jazz', artist: 'Late Artist' },
          }),
        ]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await rebuildTasteProfiles({ store, readModels, batchSize: 200 });
    writing = false;
    await writer;
    await follower.waitFor(await store.headPosition());
    await follower.stop();

    for (const id of ids) {
      const stream = await store.readStream(listenerStreamId(id));
      const stored = await readModels.live().get(id);
      expect(stored?.version).toBe(stream.length);
      expect(stored?.profile).toEqual(foldTasteProfile(id, stream));
    }
  });
});
