/**
 * A list of catalog rows on a reusable Int32Array: what one playlist call
 * touched in its scratch columns (up to thousands of co-listened rows), kept
 * without allocating per call so it leaves no garbage behind.
 */
export class RowList {
  rows = new Int32Array(64);
  count = 0;

  clear(): this {
    this.count = 0;
    return this;
  }

  push(row: number): void {
    if (this.count === this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[this.count++] = row;
  }
}
