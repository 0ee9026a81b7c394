/**
 * Interned strings with reference counts: code 0 means "none", codes of real
 * strings start at 1 and are never reused, so a code stays valid for the
 * life of the index (a name whose last track moved away just counts 0).
 */
export class StringTable {
  private readonly codes = new Map<string, number>();
  private readonly names: string[] = [''];
  private readonly counts: number[] = [0];
  private live = 0;

  /** Code of `name` for one more user; undefined gives 0. */
  acquire(name: string | undefined): number {
    if (name === undefined) return 0;
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.codes.set(name, code);
      this.names.push(name);
      this.counts.push(0);
    }
    if (this.counts[code]++ === 0) this.live++;
    return code;
  }

  release(code: number): void {
    if (code === 0) return;
    if (--this.counts[code] === 0) this.live--;
  }

  codeOf(name: string): number | undefined {
    return this.codes.get(name);
  }

  name(code: number): string | undefined {
    return code === 0 ? undefined : this.names[code];
  }

  count(code: number): number {
    return this.counts[code] ?? 0;
  }

  /** Names with at least one user. */
  liveNames(): string[] {
    const out: string[] = [];
    for (let code = 1; code < this.names.length; code++)
      if (this.counts[code] > 0) out.push(this.names[code]);
    return out;
  }

  get liveCount(): number {
    return this.live;
  }

  /** Every code handed out so far, plus 1 (code 0); the length a per-code array needs. */
  get codeCount(): number {
    return this.names.length;
  }

  approximateBytes(): number {
    let bytes = 0;
    for (const name of this.names) bytes += stringBytes(name) + 8 + 48; // the name, its count, a Map entry
    return bytes;
  }
}

/** V8 keeps a one-byte string at ~1 byte a char, two-byte strings at 2, plus a header. */
export function stringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  return 16 + (/^[\x00-\xff]*$/.test(text) ? text.length : text.length * 2);
}
