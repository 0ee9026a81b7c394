/**
 * TEST SUPPORT: retries `check` until it stops throwing, for what another
 * listener's write changes through a follower (eventually, not at once).
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000, pauseMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
