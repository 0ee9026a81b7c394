/**
 * For stores whose writers take positions before they commit: a reader must
 * stop at the first missing position, because the event there may still
 * commit. Stopping forever is no better, so a hole that stays open past a
 * timeout (its writer died) is closed by the reader with a tombstone.
 */
export function takeContiguous<T extends { position: number }>(
  after: number,
  rows: readonly T[],
): { rows: T[]; nextPosition: number; blockedByHole: boolean } {
  const taken: T[] = [];
  let nextPosition = after;
  for (const row of rows) {
    if (row.position !== nextPosition + 1) break;
    taken.push(row);
    nextPosition = row.position;
  }
  return { rows: taken, nextPosition, blockedByHole: taken.length < rows.length };
}

/** Remembers when each hole was first seen, to tell a slow writer from a dead one. */
export class HoleWatch {
  private readonly firstSeen = new Map<number, number>();

  constructor(private readonly timeoutMs: number) {}

  /** True once the hole at `position` has stayed open for the whole timeout. */
  isStale(position: number, now = Date.now()): boolean {
    const seenAt = this.firstSeen.get(position) ?? now;
    this.firstSeen.set(position, seenAt);
    return now - seenAt >= this.timeoutMs;
  }

  forget(position: number): void {
    this.firstSeen.delete(position);
  }
}
