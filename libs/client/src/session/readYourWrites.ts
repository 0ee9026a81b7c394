/** Reads that can wait for a log position (read-your-writes). */
export interface ReadOptions {
  /**
   * The answer reflects at least this log position of the listener, e.g. a
   * `position` a write returned. Default: this client's last unseen write.
   */
  minPosition?: number;
}

/**
 * Read-your-writes bookkeeping per listener: the highest log position this
 * client wrote, and the highest it has seen a profile reflect. A read only
 * needs to wait while the first is ahead of the second, so after the first
 * read that catches up, reads cost no extra round trip.
 */
export class ReadYourWrites {
  private readonly written = new Map<string, number>();
  private readonly seen = new Map<string, number>();

  /** Remembers a write's position (ignores a missing one). */
  wrote(listenerId: string, position: number | undefined): void {
    if (typeof position !== 'number' || !Number.isFinite(position)) return;
    if (position > (this.written.get(listenerId) ?? 0)) this.written.set(listenerId, position);
  }

  /** Remembers that a read reflected the listener's log up to `position`. */
  saw(listenerId: string, position: number | undefined): void {
    if (typeof position !== 'number' || !Number.isFinite(position)) return;
    if (position > (this.seen.get(listenerId) ?? 0)) this.seen.set(listenerId, position);
  }

  /** The position of this client's last write for the listener, 0 when none. */
  lastWritten(listenerId: string): number {
    return this.written.get(listenerId) ?? 0;
  }

  /** The position a read must wait for, or undefined when every write has been seen. */
  pending(listenerId: string): number | undefined {
    const written = this.written.get(listenerId) ?? 0;
    return written > (this.seen.get(listenerId) ?? 0) ? written : undefined;
  }

  forget(listenerId: string): void {
    this.written.delete(listenerId);
    this.seen.delete(listenerId);
  }
}
