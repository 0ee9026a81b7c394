import { interactionMatrix, type Interaction, type InteractionMatrix } from './interactionMatrix';
import { mulberry32, shuffleInPlace } from './seededRandom';

export interface HoldoutSplit {
  /** The seed the split was drawn with. */
  seed: number;
  train: InteractionMatrix;
  /** Per user, the held-out items (empty for users too small to split). */
  test: ReadonlyArray<ReadonlySet<number>>;
}

/** The share of each user's items held out for testing (the common 80/20 protocol). */
export const DEFAULT_TEST_FRACTION = 0.2;

/**
 * Per-user random holdout: each user's items are shuffled with one seeded
 * PRNG (users in index order, items in their given order, so the same seed and
 * data always give the same split) and `round(n × testFraction)` of them are
 * held out. Every user with at least 2 items keeps at least one item on each
 * side, so each tested user has something to learn from.
 */
export function holdoutSplit(
  userCount: number,
  itemCount: number,
  interactions: readonly Interaction[],
  seed: number,
  testFraction: number = DEFAULT_TEST_FRACTION,
): HoldoutSplit {
  const perUser: Interaction[][] = Array.from({ length: userCount }, () => []);
  for (const x of interactions) perUser[x.user].push(x);
  const random = mulberry32(seed);
  const train: Interaction[] = [];
  const test: Set<number>[] = [];
  for (const own of perUser) {
    const held = new Set<number>();
    const n = own.length;
    const wanted = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
    const shuffled = shuffleInPlace([...own], random);
    shuffled.forEach((x, i) => (i < wanted ? held.add(x.item) : train.push(x)));
    test.push(held);
  }
  return { seed, train: interactionMatrix(userCount, itemCount, train), test };
}
