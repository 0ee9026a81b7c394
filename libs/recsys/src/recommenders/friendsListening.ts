import type { InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { logScaledWeight } from './implicitWeight';
import type { ScoringRecommender } from './recommender';

/** Per user index, the indices of the listeners they are connected to. */
export type FriendGraph = ReadonlyArray<readonly number[]>;

/**
 * The social signal: "your friends love this". A user's score for item j
 * sums, over their friends, how much of that friend's listening j takes
 * (log plays over the friend's total log plays), so a friend with 50 artists
 * does not outvote one with 5. Friends are given, not learned: they come from
 * the community graph the listener consented to.
 */
export class FriendsListening implements ScoringRecommender {
  readonly name = 'Friends';
  private train?: InteractionMatrix;
  private share = new Float64Array(0);

  constructor(private readonly friends: FriendGraph) {}

  fit(train: InteractionMatrix): void {
    this.train = train;
    this.share = train.userWeights.map(logScaledWeight);
    for (let u = 0; u < train.userCount; u++) {
      let total = 0;
      for (let p = train.userOffsets[u]; p < train.userOffsets[u + 1]; p++) total += this.share[p];
      if (total > 0)
        for (let p = train.userOffsets[u]; p < train.userOffsets[u + 1]; p++) this.share[p] /= total;
    }
  }

  scoreAll(user: number): Float64Array {
    const train = this.train;
    if (!train) throw new Error('FriendsListening: fit before scoring');
    const scores = new Float64Array(train.itemCount);
    for (const f of this.friends[user] ?? []) {
      for (let p = train.userOffsets[f]; p < train.userOffsets[f + 1]; p++)
        scores[train.userItems[p]] += this.share[p];
    }
    return scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    return topK(this.scoreAll(user), k, exclude);
  }
}
