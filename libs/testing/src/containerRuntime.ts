// Does a container runtime (Docker, Podman, ...) answer? Asked once per
// process (per jest test file, since jest gives each file its own modules).
// testcontainers is loaded lazily: tests that never need containers never load it.

export type TestServersMode = 'auto' | 'containers' | 'binaries';

/** `QFZZ_TEST_SERVERS`: unset/`auto` (containers if a runtime answers, else binaries), `containers`, `binaries`. */
export function testServersMode(): TestServersMode {
  const raw = (process.env['QFZZ_TEST_SERVERS'] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'auto') return 'auto';
  if (raw === 'containers' || raw === 'binaries') return raw;
  throw new Error(`QFZZ_TEST_SERVERS must be "containers", "binaries" or "auto" (or unset), not "${raw}"`);
}

export interface ContainerRuntimeStatus {
  available: boolean;
  /** Why not, when not available. */
  reason?: string;
}

let probe: Promise<ContainerRuntimeStatus> | undefined;

async function probeOnce(timeoutMs: number): Promise<ContainerRuntimeStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ContainerRuntimeStatus>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ available: false, reason: `no answer from a container runtime within ${timeoutMs} ms` }),
      timeoutMs,
    );
    timer.unref();
  });
  const ask = (async (): Promise<ContainerRuntimeStatus> => {
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      await getContainerRuntimeClient();
      return { available: true };
    } catch (err) {
      return { available: false, reason: (err as Error).message };
    }
  })();
  try {
    return await Promise.race([ask, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether a container runtime answers, with the reason when not. With
 * `QFZZ_TEST_SERVERS=binaries` nothing is probed.
 */
export function containerRuntimeStatus(timeoutMs = 2000): Promise<ContainerRuntimeStatus> {
  if (testServersMode() === 'binaries') {
    return Promise.resolve({ available: false, reason: 'QFZZ_TEST_SERVERS=binaries: containers not used' });
  }
  probe ??= probeOnce(timeoutMs);
  return probe;
}

export async function containerRuntimeAvailable(timeoutMs = 2000): Promise<boolean> {
  return (await containerRuntimeStatus(timeoutMs)).available;
}
