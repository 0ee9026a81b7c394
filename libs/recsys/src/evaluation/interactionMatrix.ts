/** One implicit-feedback fact: a user (index) listened to an item (index) with some strength (e.g. a play count). */
export interface Interaction {
  user: number;
  item: number;
  weight: number;
}

/**
 * Users × items, sparse, indexed both ways (compressed rows by user and by
 * item) so that user-based and item-based models each walk their own side in
 * one pass. Users and items are dense indices 0..count-1; the caller maps ids.
 */
export interface InteractionMatrix {
  readonly userCount: number;
  readonly itemCount: number;
  /** `userItems[userOffsets[u] .. userOffsets[u+1])` are u's items, with `userWeights` aligned. */
  readonly userOffsets: Int32Array;
  readonly userItems: Int32Array;
  readonly userWeights: Float64Array;
  /** `itemUsers[itemOffsets[i] .. itemOffsets[i+1])` are i's users, with `itemWeights` aligned. */
  readonly itemOffsets: Int32Array;
  readonly itemUsers: Int32Array;
  readonly itemWeights: Float64Array;
}

function compress(
  count: number,
  interactions: readonly Interaction[],
  key: (x: Interaction) => number,
  other: (x: Interaction) => number,
): { offsets: Int32Array; others: Int32Array; weights: Float64Array } {
  const offsets = new Int32Array(count + 1);
  for (const x of interactions) offsets[key(x) + 1]++;
  for (let i = 0; i < count; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, count);
  const others = new Int32Array(interactions.length);
  const weights = new Float64Array(interactions.length);
  for (const x of interactions) {
    const at = cursor[key(x)]++;
    others[at] = other(x);
    weights[at] = x.weight;
  }
  return { offsets, others, weights };
}

/** Builds the matrix; a (user, item) pair given twice is kept twice, so give each pair once. */
export function interactionMatrix(
  userCount: number,
  itemCount: number,
  interactions: readonly Interaction[],
): InteractionMatrix {
  const byUser = compress(
    userCount,
    interactions,
    (x) => x.user,
    (x) => x.item,
  );
  const byItem = compress(
    itemCount,
    interactions,
    (x) => x.item,
    (x) => x.user,
  );
  return {
    userCount,
    itemCount,
    userOffsets: byUser.offsets,
    userItems: byUser.others,
    userWeights: byUser.weights,
    itemOffsets: byItem.offsets,
    itemUsers: byItem.others,
    itemWeights: byItem.weights,
  };
}

/** The items of user `u` (a view, not a copy). */
export function itemsOf(m: InteractionMatrix, u: number): Int32Array {
  return m.userItems.subarray(m.userOffsets[u], m.userOffsets[u + 1]);
}

/** The weights of user `u`'s items, aligned with `itemsOf`. */
export function weightsOf(m: InteractionMatrix, u: number): Float64Array {
  return m.userWeights.subarray(m.userOffsets[u], m.userOffsets[u + 1]);
}

/** How many users interacted with each item. */
export function itemPopularity(m: InteractionMatrix): Int32Array {
  const pop = new Int32Array(m.itemCount);
  for (let i = 0; i < m.itemCount; i++) pop[i] = m.itemOffsets[i + 1] - m.itemOffsets[i];
  return pop;
}
