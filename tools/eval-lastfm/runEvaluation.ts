import { evaluateRecommender, holdoutSplit, type EvaluationResult, type HoldoutSplit } from '@qfzz/recsys';
import { artistGenres } from './artistGenres';
import { lastfmModels } from './lastfmModels';
import type { LastfmDataset } from './loadLastfm';

export interface SeedRun {
  seed: number;
  results: EvaluationResult[];
}

export interface RunOptions {
  seeds: readonly number[];
  k?: number;
  /** Called before each model runs and after it finishes. */
  onProgress?: (message: string) => void;
}

/** The split for one seed: per-user 80/20 over the dataset's interactions. */
export function splitFor(dataset: LastfmDataset, seed: number): HoldoutSplit {
  return holdoutSplit(dataset.userIds.length, dataset.artistIds.length, dataset.interactions, seed);
}

/**
 * The whole protocol: per seed, one split shared by every model (so rows are
 * comparable), each model fitted on its train side and ranked over all
 * artists minus the user's train artists. Coverage is over every artist in the
 * loaded data.
 */
export function runEvaluation(dataset: LastfmDataset, options: RunOptions): SeedRun[] {
  const log = options.onProgress ?? (() => undefined);
  const runs: SeedRun[] = [];
  for (const seed of options.seeds) {
    const split = splitFor(dataset, seed);
    const genres = artistGenres(dataset.taggings, dataset.artistIds.length, split);
    const models = lastfmModels({ artistNames: dataset.artistNames, genres, friends: dataset.friends });
    const results: EvaluationResult[] = [];
    for (const model of models) {
      log(`seed ${seed}: ${model.name} ...`);
      const result = evaluateRecommender(model, split, {
        k: options.k ?? 10,
        catalogSize: dataset.artistIds.length,
        now: () => performance.now(),
      });
      log(
        `seed ${seed}: ${model.name} NDCG@${result.k} ${result.ndcg.toFixed(4)} ` +
          `coverage ${result.coverage.toFixed(3)} (fit ${(result.fitMs / 1000).toFixed(1)} s, ` +
          `rank ${(result.recommendMs / 1000).toFixed(1)} s)`,
      );
      results.push(result);
    }
    runs.push({ seed, results });
  }
  return runs;
}
