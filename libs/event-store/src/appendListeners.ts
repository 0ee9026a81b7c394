/** Local wake-up hints for catch-up readers in the same process as the writer. */
export class AppendListeners {
  private readonly listeners = new Set<(lastPosition: number) => void>();

  add(listener: (lastPosition: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(lastPosition: number): void {
    for (const listener of this.listeners) {
      try {
        listener(lastPosition);
      } catch {
        // A hint must never fail an append that has already committed.
      }
    }
  }
}
