/** Raised when a handler did not settle within the consumer's ack wait. */
export class HandlerTimeoutError extends Error {
  override readonly name = 'HandlerTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`handler did not settle within ${timeoutMs} ms (ack wait)`);
  }
}

/**
 * Runs `work` but stops waiting for it after `timeoutMs`. The bus redelivers an
 * unacknowledged event after the ack wait anyway; a handler that hangs must not
 * also block every later event of this replica. The work itself keeps running
 * (a promise cannot be cancelled): handlers are idempotent, so a late finish is harmless.
 */
export async function withDeadline<T>(work: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(work), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A sleep that `wake()` ends early (used to make stop() prompt). */
export class Sleeper {
  private wakers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.wakers]) done();
  }
}
