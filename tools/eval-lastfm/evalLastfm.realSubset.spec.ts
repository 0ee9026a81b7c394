import { itemsOf } from '@qfzz/recsys';
import { lastfmDir } from './lastfmDir';
import { lastfmModels } from './lastfmModels';
import { loadLastfm, type LastfmDataset } from './loadLastfm';
import { runEvaluation, splitFor } from './runEvaluation';
import { artistGenres } from './artistGenres';

/**
 * The whole pipeline on real data, kept small: the first 150 Last.fm users and
 * the artists they play. `lastfmDir()` throws with a message naming the folder
 * and QFZZ_LASTFM_DIR when the data is missing, so a failure says what to do.
 */
describe('eval-lastfm on a real subset (first 150 users)', () => {
  let dataset: LastfmDataset;

  beforeAll(() => {
    dataset = loadLastfm(lastfmDir(), { maxUsers: 150 });
  });

  it('loads users, artists, friends within the subset, and Latin-1 tags without decoding errors', () => {
    expect(dataset.userIds).toHaveLength(150);
    expect(dataset.artistIds.length).toBeGreaterThan(1000);
    expect(dataset.interactions.length).toBeGreaterThan(150 * 40);
    for (const fs of dataset.friends) for (const f of fs) expect(f).toBeLessThan(150);
    expect(dataset.taggings.some((t) => t.tag.includes('\uFFFD'))).toBe(false);
    expect(dataset.taggings.length).toBeGreaterThan(0);
  });

  it('draws the same split for the same seed, and a different one for another seed', () => {
    const a = splitFor(dataset, 7);
    const b = splitFor(dataset, 7);
    const c = splitFor(dataset, 8);
    const held = (s: typeof a): string => JSON.stringify(s.test.map((t) => [...t].sort((x, y) => x - y)));
    expect(held(a)).toBe(held(b));
    expect(held(a)).not.toBe(held(c));
  });

  it('never ranks a user’s own train artists', () => {
    const split = splitFor(dataset, 1);
    const genres = artistGenres(dataset.taggings, dataset.artistIds.length, split);
    for (const model of lastfmModels({
      artistNames: dataset.artistNames,
      genres,
      friends: dataset.friends,
    })) {
      model.fit(split.train);
      for (let u = 0; u < 150; u += 15) {
        const own = new Set(itemsOf(split.train, u));
        const list = model.recommend(u, 10, (i) => own.has(i));
        expect(list.length).toBeLessThanOrEqual(10);
        expect(list.filter((i) => own.has(i))).toEqual([]);
      }
    }
  });

  it('runs every model and keeps every metric within [0, 1]', () => {
    const [run] = runEvaluation(dataset, { seeds: [1] });
    expect(run.results.map((r) => r.model)).toContain('TasteRanker (friends)');
    for (const r of run.results) {
      for (const value of [r.ndcg, r.hitRate, r.recall, r.precision, r.coverage]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      expect(r.leakedTrainItems).toBe(0);
      expect(r.users).toBeGreaterThan(140);
    }
    // Sanity, not a benchmark: a personal model beats showing everyone the charts.
    const ndcg = (name: string): number => run.results.find((r) => r.model === name)?.ndcg ?? NaN;
    expect(ndcg('ItemKNN')).toBeGreaterThan(ndcg('MostPop'));
  });
});
