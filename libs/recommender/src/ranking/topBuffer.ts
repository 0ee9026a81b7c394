/**
 * The best `capacity` rows by score seen so far, as a binary min-heap over
 * typed arrays: offering a row costs one comparison when it does not beat
 * the worst kept one, which is what keeps a pass over 100k tracks linear.
 * Ties: the lower row counts as better, so results are deterministic.
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
    return this.count < this.limit ? -Infinity : this.scores[0];
  }

  offer(row: number, score: number): void {
    if (this.count < this.limit) this.push(row, score);
    else if (this.limit > 0 && score > this.scores[0]) this.replaceWorst(row, score);
  }

  /**
   * `offer(row, values[scoreAt])`, then the new `threshold` into
   * `values[thresholdAt]`. For hot loops: a score passed in an array is not
   * boxed on the way in, nor the threshold on the way out.
   */
  offerFrom(row: number, values: Float64Array, scoreAt: number, thresholdAt: number): void {
    const score = values[scoreAt];
    if (this.count < this.limit) this.push(row, score);
    else if (this.limit > 0 && score > this.scores[0]) this.replaceWorst(row, score);
    values[thresholdAt] = this.count < this.limit ? -Infinity : this.scores[0];
  }

  /** Kept rows, best first (ties: the lower row first, so results are deterministic). */
  sorted(): { row: number; score: number }[] {
    // Insertion sort: a few dozen entries, and no sort buffers left behind as garbage. Rows are
    // distinct, so the order is total and the same as any other sort's.
    const out: { row: number; score: number }[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const entry = { row: this.rows[i], score: this.scores[i] };
      let at = i;
      while (at > 0) {
        const prev = out[at - 1];
        if (prev.score > entry.score || (prev.score === entry.score && prev.row < entry.row)) break;
        out[at] = prev;
        at--;
      }
      out[at] = entry;
    }
    return out;
  }

  /** Sifts a new entry up from the end (room is known). */
  private push(row: number, score: number): void {
    const rows = this.rows;
    const scores = this.scores;
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const s = scores[parent];
      // Stop unless the new entry is worse than its parent: lower score, or same score and higher row.
      if (!(score < s || (score === s && row > rows[parent]))) break;
      rows[at] = rows[parent];
      scores[at] = s;
      at = parent;
    }
    rows[at] = row;
    scores[at] = score;
  }

  /** Replaces the worst entry and sifts it down. */
  private replaceWorst(row: number, score: number): void {
    const rows = this.rows;
    const scores = this.scores;
    const count = this.count;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= count) break;
      const right = left + 1;
      let child = left;
      if (right < count) {
        const sr = scores[right];
        const sl = scores[left];
        if (sr < sl || (sr === sl && rows[right] > rows[left])) child = right;
      }
      const sc = scores[child];
      // Move the child up while it is worse than the new entry.
      if (!(sc < score || (sc === score && rows[child] > row))) break;
      rows[at] = rows[child];
      scores[at] = sc;
      at = child;
    }
    rows[at] = row;
    scores[at] = score;
  }
}
