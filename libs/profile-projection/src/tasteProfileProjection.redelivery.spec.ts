import { foldTasteProfile, listenerStreamId, type RecordedEvent } from '@qfzz/domain';
import type { SqliteEventStore } from '@qfzz/event-store';
import type { SqliteProfileReadModels } from './sqlite/sqliteProfileReadModels';
import { TasteProfileProjection } from './tasteProfileProjection';
import { appendSimulatedListening, seededRandom } from './testing/simulatedListeners';
import { sqliteLogPerTest } from './testing/sqliteLogPerTest';

async function readLog(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let after = 0; ; ) {
    const batch = await store.readAll({ after, limit: 1000 });
    if (batch.nextPosition === after) return all;
    all.push(...batch.events);
    after = batch.nextPosition;
  }
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('TasteProfileProjection', () => {
  let store: SqliteEventStore;
  let readModels: SqliteProfileReadModels;
  sqliteLogPerTest('qfzz-projection-', (opened) => {
    store = opened.store;
    readModels = opened.readModels;
  });

  const expectEqualToFreshFold = async (ids: string[]) => {
    for (const id of ids) {
      const stream = await store.readStream(listenerStreamId(id));
      const stored = await readModels.live().get(id);
      expect(stored?.profile).toEqual(foldTasteProfile(id, stream));
      expect(stored?.version).toBe(stream.length);
      expect(stored?.position).toBe(stream[stream.length - 1].position);
    }
  };

  it('folds every listener stream into the profile a fresh replay gives', async () => {
    const ids = await appendSimulatedListening(store, { listeners: 5, events: 300 });
    const projection = new TasteProfileProjection(store, readModels.live());
    for (const event of await readLog(store)) await projection.apply(event);
    await expectEqualToFreshFold(ids);
  });

  it('ignores redelivered events and fills gaps from the stream when events arrive out of order', async () => {
    const ids = await appendSimulatedListening(store, { listeners: 4, events: 200, seed: 7 });
    const projection = new TasteProfileProjection(store, readModels.live());
    const events = await readLog(store);
    const random = seededRandom(3);
    const outcomes = new Map<string, number>();
    // Every event three times, in a random order.
    for (const event of shuffled([...events, ...events, ...events], random)) {
      const outcome = await projection.apply(event);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    await expectEqualToFreshFold(ids);
    expect(outcomes.get('already-applied')).toBeGreaterThanOrEqual(2 * events.length);
  });

  it('ends in the same state when replicas race on the same listeners', async () => {
    const ids = await appendSimulatedListening(store, { listeners: 3, events: 240, seed: 11 });
    const events = await readLog(store);
    const replicas = [1, 2, 3].map(() => new TasteProfileProjection(store, readModels.live()));
    await Promise.all(
      replicas.map(async (replica, r) => {
        for (const event of shuffled(events, seededRandom(100 + r))) await replica.apply(event);
      }),
    );
    await expectEqualToFreshFold(ids);
  });

  it('reads its own writes at a log position before the projection has caught up', async () => {
    const [id] = await appendSimulatedListening(store, { listeners: 1, events: 20, seed: 5 });
    const projection = new TasteProfileProjection(store, readModels.live());
    const stream = await store.readStream(listenerStreamId(id));
    const lastPosition = stream[stream.length - 1].position;
    expect(await readModels.live().get(id)).toBeUndefined();

    const fresh = await projection.getProfile(id, lastPosition);
    expect(fresh?.position).toBe(lastPosition);
    expect(fresh?.profile).toEqual(foldTasteProfile(id, stream));
    expect(await projection.getProfile('nobody')).toBeUndefined();
  });
});
