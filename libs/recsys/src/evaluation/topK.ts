/**
 * The indices of the k highest scores, best first, skipping excluded indices
 * and scores of -Infinity (an item the model cannot rank at all). Ties go to the
 * lower index so results are deterministic.
 *
 * A full ranking over 17k items per user is one pass with a tiny sorted
 * buffer: O(n·k) with k = 10 beats sorting the whole array.
 */
export function topK(scores: ArrayLike<number>, k: number, exclude?: (index: number) => boolean): number[] {
  const best: number[] = [];
  const bestScores: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s === -Infinity || Number.isNaN(s)) continue;
    if (best.length === k && s <= bestScores[k - 1]) continue;
    if (exclude && exclude(i)) continue;
    let at = best.length < k ? best.length : k - 1;
    while (at > 0 && bestScores[at - 1] < s) at--;
    best.splice(at, 0, i);
    bestScores.splice(at, 0, s);
    if (best.length > k) {
      best.pop();
      bestScores.pop();
    }
  }
  return best;
}
