import {
  Ease,
  ItemKnn,
  MostPopular,
  Rp3Beta,
  SeedScoreRecommender,
  TasteRanker,
  UserKnn,
  type Recommender,
} from '@qfzz/recsys';

/** What the model line-up needs from the dataset for one split. */
export interface ModelInputs {
  artistNames: readonly string[];
  /** Per artist index, its stand-in genre for this split (see `artistGenres`). */
  genres: readonly string[];
  friends: ReadonlyArray<readonly number[]>;
}

/** The share of each list our ranker spends on long-tail discoveries in its "discovery" row. */
export const DISCOVERY_FACTOR = 0.3;

/**
 * The line-up, in table order: baselines first, then our ranker without and
 * with the friend graph, then with a discovery quota. ItemKNN appears twice: at
 * the usual k = 100 (the published-anchor setting) and tuned to k = 400, so
 * our ranker is compared with a baseline given a fair chance too.
 */
export function lastfmModels(inputs: ModelInputs): Recommender[] {
  return [
    new MostPopular(),
    new ItemKnn({ neighbours: 100 }),
    new ItemKnn({ neighbours: 400, name: 'ItemKNN (k=400)' }),
    new UserKnn({ neighbours: 50 }),
    new SeedScoreRecommender(
      inputs.artistNames.map((artist, i) => ({ artist, genre: inputs.genres[i] ?? '' })),
    ),
    new Rp3Beta({ alpha: 0.8, beta: 0.35 }),
    new Ease({ lambda: 100, maxItems: 1000, weightedInput: true }),
    new TasteRanker(),
    new TasteRanker({ friends: inputs.friends }),
    new TasteRanker({ friends: inputs.friends, discoveryFactor: DISCOVERY_FACTOR }),
  ];
}
