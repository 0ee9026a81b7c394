import { itemPopularity, type InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { discoveryPickCount } from '../seed/discoverySplit';
import type { DiscoveryFactor } from '../taste/listenerTaste';
import { Ease, type EaseOptions } from './ease';
import { FriendsListening, type FriendGraph } from './friendsListening';
import type { Recommender } from './recommender';
import { Rp3Beta, type Rp3BetaOptions } from './rp3beta';

export interface TasteRankerOptions {
  /** The listener graph; without it the ranker uses listening alone. */
  friends?: FriendGraph;
  /** How much friends' listening lifts a pick: score × (1 + friendBoost × friends' share). */
  friendBoost?: number;
  /**
   * Share of each list kept for discoveries from the long tail, like the
   * listener's discovery factor: 0 = pure accuracy, 0.3 = 3 of 10 picks.
   */
  discoveryFactor?: DiscoveryFactor;
  /** An item counts as long tail when at least this many items are more popular. */
  longTailFromRank?: number;
  ease?: EaseOptions;
  rp3beta?: Rp3BetaOptions;
}

/**
 * Our ranker: two collaborative views that see different things, a social lift
 * and a discovery quota.
 *
 * - EASE learns item–item weights in closed form over the popular head (it
 *   knows "A and B together, but not C"), RP3beta's random walk reaches the
 *   whole catalog and damps popularity. Each is scaled to the user's best
 *   candidate (1.0) and they are added, so neither scale dominates.
 * - Friends' listening multiplies rather than adds: it lifts what the
 *   listening models already find plausible instead of pushing whatever a
 *   friend plays.
 * - `discoveryFactor` reserves the last picks for the best-scored long-tail
 *   items, trading a little accuracy for a catalog that gets heard.
 */
export class TasteRanker implements Recommender {
  readonly name: string;
  private readonly ease: Ease;
  private readonly rp3: Rp3Beta;
  private readonly social?: FriendsListening;
  private readonly friendBoost: number;
  private readonly discoveryFactor: number;
  private readonly longTailFromRank: number;
  private itemCount = 0;
  private popularityRank = new Int32Array(0);

  constructor(options: TasteRankerOptions = {}) {
    this.ease = new Ease({ lambda: 100, maxItems: 1000, weightedInput: true, ...options.ease });
    this.rp3 = new Rp3Beta({ alpha: 0.8, beta: 0.35, neighbours: 200, ...options.rp3beta });
    this.social = options.friends ? new FriendsListening(options.friends) : undefined;
    this.friendBoost = options.friendBoost ?? 0.5;
    this.discoveryFactor = options.discoveryFactor ?? 0;
    this.longTailFromRank = options.longTailFromRank ?? 1000;
    const parts = [this.social ? 'friends' : 'no friends'];
    if (this.discoveryFactor > 0) parts.push(`discovery ${this.discoveryFactor}`);
    this.name = `TasteRanker (${parts.join(', ')})`;
  }

  fit(train: InteractionMatrix): void {
    this.itemCount = train.itemCount;
    this.ease.fit(train);
    this.rp3.fit(train);
    this.social?.fit(train);
    const pop = itemPopularity(train);
    const order = Array.from({ length: train.itemCount }, (_, i) => i).sort(
      (a, b) => pop[b] - pop[a] || a - b,
    );
    this.popularityRank = new Int32Array(train.itemCount);
    order.forEach((item, rank) => (this.popularityRank[item] = rank));
  }

  /** The blended score of every item for `user`, given what will be excluded (so scaling uses real candidates). */
  scoreAll(user: number, exclude: (item: number) => boolean = () => false): Float64Array {
    const ease = this.ease.scoreAll(user);
    const rp3 = this.rp3.scoreAll(user);
    const social = this.social?.scoreAll(user);
    const easeTop = bestCandidate(ease, exclude);
    const rp3Top = bestCandidate(rp3, exclude);
    const socialTop = social ? bestCandidate(social, exclude) : 1;
    const scores = new Float64Array(this.itemCount);
    for (let i = 0; i < this.itemCount; i++) {
      const listening = Math.max(0, ease[i]) / easeTop + rp3[i] / rp3Top;
      scores[i] = social ? listening * (1 + (this.friendBoost * social[i]) / socialTop) : listening;
    }
    return scores;
  }

  recommend(user: number, k: number, exclude: (item: number) => boolean): number[] {
    const scores = this.scoreAll(user, exclude);
    const discoveries = discoveryPickCount(k, this.discoveryFactor);
    const head = topK(scores, k - discoveries, exclude);
    if (discoveries === 0) return head;
    const taken = new Set(head);
    const tail = topK(
      scores,
      discoveries,
      (i) => exclude(i) || taken.has(i) || this.popularityRank[i] < this.longTailFromRank,
    );
    return [...head, ...tail];
  }
}

/** The highest finite, positive score among candidates; 1 when there is none (so dividing is safe). */
function bestCandidate(scores: Float64Array, exclude: (item: number) => boolean): number {
  let best = 0;
  for (let i = 0; i < scores.length; i++)
    if (scores[i] > best && scores[i] !== Infinity && !exclude(i)) best = scores[i];
  return best > 0 ? best : 1;
}
