import { interactionMatrix, type Interaction } from '../evaluation/interactionMatrix';
import { Ease } from './ease';
import { FriendsListening } from './friendsListening';
import { ItemKnn } from './itemKnn';
import { MostPopular } from './mostPopular';
import type { Recommender } from './recommender';
import { Rp3Beta } from './rp3beta';
import { SeedScoreRecommender } from './seedScoreRecommender';
import { TasteRanker } from './tasteRanker';
import { UserKnn } from './userKnn';

/**
 * A small world with two scenes. Users 0–5 play items 0,1,2 (scene A), users
 * 6–11 play items 3,4,5 (scene B); item 6 is played by users 6–11 too, making
 * it the most popular. User 12 has played 0 and 1 only: anything that learns
 * co-listening should offer item 2 first. User 12's friend is user 13, who
 * plays item 7 alone.
 */
const interactions: Interaction[] = [];
for (let u = 0; u < 6; u++) for (const i of [0, 1, 2]) interactions.push({ user: u, item: i, weight: 10 });
for (let u = 6; u < 12; u++)
  for (const i of [3, 4, 5, 6]) interactions.push({ user: u, item: i, weight: 10 });
for (let u = 0; u < 3; u++) interactions.push({ user: u, item: 6, weight: 1 });
interactions.push(
  { user: 12, item: 0, weight: 50 },
  { user: 12, item: 1, weight: 5 },
  { user: 13, item: 7, weight: 3 },
);
const train = interactionMatrix(14, 8, interactions);
const friends = Array.from({ length: 14 }, (_, u) => (u === 12 ? [13] : u === 13 ? [12] : []));
const played = new Set([0, 1]);
const exclude = (i: number): boolean => played.has(i);

const learners: Recommender[] = [
  new ItemKnn({ neighbours: 5 }),
  new UserKnn({ neighbours: 5 }),
  new Rp3Beta({ neighbours: 5 }),
  new Ease({ lambda: 1, maxItems: 8 }),
  new TasteRanker({ ease: { lambda: 1, maxItems: 8 } }),
];

describe('recommenders learn co-listening and respect exclusions', () => {
  it.each(learners.map((r) => [r.name, r] as const))(
    '%s offers the missing scene-A item first',
    (_name, model) => {
      model.fit(train);
      const list = model.recommend(12, 3, exclude);
      expect(list[0]).toBe(2);
      expect(list.some((i) => played.has(i))).toBe(false);
    },
  );

  it('MostPop offers the most played item to everyone', () => {
    const pop = new MostPopular();
    pop.fit(train);
    expect(pop.recommend(12, 1, exclude)).toEqual([6]);
  });

  it('FriendsListening offers what friends play', () => {
    const social = new FriendsListening(friends);
    social.fit(train);
    expect(social.recommend(12, 1, exclude)).toEqual([7]);
  });

  it('TasteRanker keeps the discovery share of its list for the long tail', () => {
    const ranker = new TasteRanker({
      friends,
      discoveryFactor: 0.5,
      longTailFromRank: 4,
      ease: { lambda: 1, maxItems: 8 },
    });
    ranker.fit(train);
    const list = ranker.recommend(12, 4, exclude);
    expect(list).toHaveLength(4);
    expect(list[0]).toBe(2);
    // By popularity (ties by index): 6, 0, 1, 2 are the head; 3, 4, 5, 7 are the tail from rank 4 on.
    expect(list.slice(2).every((i) => [3, 4, 5, 7].includes(i))).toBe(true);
    expect(list.slice(0, 2).every((i) => [0, 1, 2, 6].includes(i))).toBe(true);
  });

  it('SeedScoreRecommender ranks by the listener’s genres', () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
      artist: `artist ${i}`,
      genre: i <= 2 ? 'rock' : i === 7 ? 'punk' : 'jazz',
    }));
    const seed = new SeedScoreRecommender(items);
    seed.fit(train);
    expect(seed.tasteOf(12).genres).toEqual({ rock: 1 });
    // Item 2 is rock (exact), item 7 is punk (similar to rock, half), the jazz items score nothing for genre.
    expect(seed.recommend(12, 2, exclude)).toEqual([2, 7]);
  });
});
