// Container or local binary? Container when a runtime answers, else the
// binary on PATH, else an error that says what to install.
import { containerRuntimeStatus, testServersMode } from './containerRuntime';
import { findExecutable } from './processes';

export type ServerHow = 'container' | 'binary';

export interface BinaryChoice {
  how: 'binary';
  path: string;
}

export async function chooseServer(
  binary: string,
  aptPackage: string,
): Promise<{ how: 'container' } | BinaryChoice> {
  const install = `install it with \`apt-get install -y ${aptPackage}\``;
  const mode = testServersMode();
  if (mode === 'binaries') {
    const path = findExecutable(binary);
    if (!path) throw new Error(`${binary} not found on PATH (QFZZ_TEST_SERVERS=binaries): ${install}`);
    return { how: 'binary', path };
  }
  const runtime = await containerRuntimeStatus();
  if (runtime.available) return { how: 'container' };
  if (mode === 'containers') {
    throw new Error(
      `QFZZ_TEST_SERVERS=containers but no container runtime answered (${runtime.reason}): ` +
        `start Docker, or unset QFZZ_TEST_SERVERS to fall back to the ${binary} binary`,
    );
  }
  const path = findExecutable(binary);
  if (!path) {
    throw new Error(
      `${binary} not found and no container runtime: ${install} (or start Docker). ` +
        `Container runtime probe said: ${runtime.reason}`,
    );
  }
  return { how: 'binary', path };
}
