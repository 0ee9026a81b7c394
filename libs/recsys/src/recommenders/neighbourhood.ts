import type { InteractionMatrix } from '../evaluation/interactionMatrix';
import { topK } from '../evaluation/topK';
import { logScaledWeight } from './implicitWeight';

/** Sparse "k nearest neighbours" lists, one row per item (or user), in compressed rows. */
export interface NeighbourLists {
  offsets: Int32Array;
  neighbours: Int32Array;
  similarities: Float64Array;
}

/**
 * Collects rows of neighbours: `row(i, keep)` is called for each i in order and
 * must call `keep(j, similarity)` for every candidate neighbour; the best `k`
 * per row survive. Built in one pass so memory stays O(rows × k).
 */
export function collectNeighbours(
  rows: number,
  k: number,
  row: (i: number, keep: (j: number, similarity: number) => void) => void,
): NeighbourLists {
  const offsets = new Int32Array(rows + 1);
  const neighbours: number[] = [];
  const similarities: number[] = [];
  const candidates: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    candidates.length = 0;
    values.length = 0;
    row(i, (j, s) => {
      if (s > 0) {
        candidates.push(j);
        values.push(s);
      }
    });
    for (const at of topK(values, k)) {
      neighbours.push(candidates[at]);
      similarities.push(values[at]);
    }
    offsets[i + 1] = neighbours.length;
  }
  return { offsets, neighbours: Int32Array.from(neighbours), similarities: Float64Array.from(similarities) };
}

/**
 * Item-to-item scoring shared by the item-neighbourhood models (ItemKNN,
 * RP3beta): each item the user has, weighted by how much they played it,
 * votes for its neighbours with their similarity.
 */
export function scoreByItemNeighbours(
  train: InteractionMatrix,
  lists: NeighbourLists,
  user: number,
): Float64Array {
  const scores = new Float64Array(train.itemCount);
  for (let p = train.userOffsets[user]; p < train.userOffsets[user + 1]; p++) {
    const i = train.userItems[p];
    const wi = logScaledWeight(train.userWeights[p]);
    for (let q = lists.offsets[i]; q < lists.offsets[i + 1]; q++)
      scores[lists.neighbours[q]] += wi * lists.similarities[q];
  }
  return scores;
}
