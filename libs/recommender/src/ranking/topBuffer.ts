/**
 * The best `capacity` rows by score seen so far, as a binary min-heap over
 * typed arrays: offering a row costs one comparison when it does not beat
 * the worst kept one, which is what keeps a pass over 100k tracks linear.
 */
export class TopBuffer {
  private rows: Int32Array;
  private scores: Float64Array;
  private count = 0;
  private limit: number;

  constructor(capacity: number) {
    this.limit = capacity;
    this.rows = new Int32Array(Math.max(1, capacity));
    this.scores = new Float64Array(Math.max(1, capacity));
  }

  get capacity(): number {
    return this.limit;
  }

  /** Empties the buffer for reuse (no allocation unless it must grow): a playlist call reuses its heaps. */
  reset(capacity: number): this {
    if (capacity > this.rows.length) {
      this.rows = new Int32Array(capacity);
      this.scores = new Float64Array(capacity);
    }
    this.limit = capacity;
    this.count = 0;
    return this;
  }

  get size(): number {
    return this.count;
  }

  /** The score a row must beat to get in (−Infinity while there is room). */
  get threshold(): number {
    return this.count < this.capacity ? -Infinity : this.scores[0];
  }

  offer(row: number, score: number): void {
    if (this.count < this.capacity) {
      let at = this.count++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.worse(score, row, parent)) break;
        this.rows[at] = this.rows[parent];
        this.scores[at] = this.scores[parent];
        at = parent;
      }
      this.rows[at] = row;
      this.scores[at] = score;
      return;
    }
    if (this.capacity === 0 || !(score > this.scores[0])) return;
    // Replace the worst and sift it down.
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && this.worseAt(right, left) ? right : left;
      if (!this.worse(this.scores[child], this.rows[child], -1, score, row)) break;
      this.rows[at] = this.rows[child];
      this.scores[at] = this.scores[child];
      at = child;
    }
    this.rows[at] = row;
    this.scores[at] = score;
  }

  /** Kept rows, best first (ties: the lower row first, so results are deterministic). */
  sorted(): { row: number; score: number }[] {
    const out: { row: number; score: number }[] = [];
    for (let i = 0; i < this.count; i++) out.push({ row: this.rows[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.row - b.row);
  }

  /** Is (score, row) worse than the entry at `at` (or than (otherScore, otherRow) when `at` is −1)? */
  private worse(score: number, row: number, at: number, otherScore?: number, otherRow?: number): boolean {
    const s = at >= 0 ? this.scores[at] : (otherScore as number);
    const r = at >= 0 ? this.rows[at] : (otherRow as number);
    return score < s || (score === s && row > r);
  }

  private worseAt(a: number, b: number): boolean {
    return this.worse(this.scores[a], this.rows[a], b);
  }
}
