import { initialTasteProfile } from '@qfzz/domain';
import type { ProfileReadModels, StoredProfile } from '../profileReadModel';

const stored = (listenerId: string, version: number, position = version * 10): StoredProfile => ({
  listenerId,
  version,
  position,
  profile: {
    ...initialTasteProfile(listenerId, '2026-01-01T00:00:00.000Z'),
    artists: { 'R.E.M.': 0.7, $weird: 0.6 },
    version,
  },
});

/** What every profile read model adapter must do; each adapter's spec calls this. */
export function describeProfileReadModelsContract(
  name: string,
  open: () => Promise<ProfileReadModels>,
  teardown: (models: ProfileReadModels) => Promise<void> = (models) => models.close(),
): void {
  describe(`ProfileReadModels contract: ${name}`, () => {
    let models: ProfileReadModels;
    beforeEach(async () => (models = await open()));
    afterEach(async () => teardown(models));

    it('inserts with expected version 0 only once, then updates only from the stored version', async () => {
      const live = models.live();
      expect(await live.compareAndSet(stored('ada', 1), 0)).toBe(true);
      expect(await live.compareAndSet(stored('ada', 1), 0)).toBe(false);
      expect(await live.compareAndSet(stored('ada', 3), 2)).toBe(false);
      expect(await live.compareAndSet(stored('ada', 2), 1)).toBe(true);
      expect(await live.get('ada')).toEqual(stored('ada', 2));
      expect(await live.get('nobody')).toBeUndefined();
    });

    it('keeps keys with dots and dollars, lists, counts and deletes', async () => {
      const live = models.live();
      await live.putMany([stored('b', 1), stored('a', 4), stored('c', 2)]);
      await live.putMany([stored('a', 5)]);
      expect((await live.list()).map((p) => [p.listenerId, p.version])).toEqual([
        ['a', 5],
        ['b', 1],
        ['c', 2],
      ]);
      expect((await live.get('a'))?.profile.artists).toEqual({ 'R.E.M.': 0.7, $weird: 0.6 });
      expect(await live.count()).toBe(3);
      await live.delete('b');
      expect(await live.count()).toBe(2);
    });

    it('only moves a checkpoint forward', async () => {
      const live = models.live();
      expect(await live.checkpoint()).toBe(0);
      await live.saveCheckpoint(40);
      await live.saveCheckpoint(30);
      expect(await live.checkpoint()).toBe(40);
    });

    it('fills a new generation aside and swaps it in, dropping the old one', async () => {
      await models.live().putMany([stored('old', 1)]);
      const before = await models.activeGeneration();
      const { generation, readModel } = await models.startGeneration();
      expect(generation).toBeGreaterThan(before);
      expect(await readModel.count()).toBe(0);
      await readModel.putMany([stored('new', 2)]);
      await readModel.saveCheckpoint(99);
      expect(await models.live().get('new')).toBeUndefined();

      await models.activate(generation);
      expect(await models.activeGeneration()).toBe(generation);
      expect(await models.live().get('new')).toEqual(stored('new', 2));
      expect(await models.live().get('old')).toBeUndefined();
      expect(await models.live().checkpoint()).toBe(99);
    });
  });
}
