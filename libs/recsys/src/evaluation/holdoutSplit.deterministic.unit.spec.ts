import { holdoutSplit } from './holdoutSplit';
import { itemsOf, type Interaction } from './interactionMatrix';

// 3 users: 10 items, 5 items, 1 item.
const interactions: Interaction[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ user: 0, item: i, weight: i + 1 })),
  ...Array.from({ length: 5 }, (_, i) => ({ user: 1, item: i + 3, weight: 1 })),
  { user: 2, item: 0, weight: 7 },
];

const testOf = (seed: number): number[][] =>
  holdoutSplit(3, 10, interactions, seed).test.map((t) => [...t].sort());

describe('holdoutSplit', () => {
  it('the same seed gives the same split; another seed another one', () => {
    expect(testOf(1)).toEqual(testOf(1));
    expect(
      [1, 2, 3, 4, 5]
        .map(testOf)
        .map((t) => JSON.stringify(t))
        .some((t) => t !== JSON.stringify(testOf(1))),
    ).toBe(true);
  });

  it('holds out round(20%) per user, at least one when the user has two or more items, none for a single item', () => {
    const split = holdoutSplit(3, 10, interactions, 7);
    expect(split.test.map((t) => t.size)).toEqual([2, 1, 0]);
    expect([0, 1, 2].map((u) => itemsOf(split.train, u).length)).toEqual([8, 4, 1]);
  });

  it('train and test are disjoint and together are the user’s items', () => {
    const split = holdoutSplit(3, 10, interactions, 3);
    for (let u = 0; u < 3; u++) {
      const train = [...itemsOf(split.train, u)];
      for (const item of train) expect(split.test[u].has(item)).toBe(false);
      const all = [...train, ...split.test[u]].sort((a, b) => a - b);
      expect(all).toEqual(
        interactions
          .filter((x) => x.user === u)
          .map((x) => x.item)
          .sort((a, b) => a - b),
      );
    }
  });

  it('keeps play counts on the train side', () => {
    const split = holdoutSplit(3, 10, interactions, 3);
    const at = [...itemsOf(split.train, 2)].indexOf(0);
    expect(split.train.userWeights[split.train.userOffsets[2] + at]).toBe(7);
  });
});
