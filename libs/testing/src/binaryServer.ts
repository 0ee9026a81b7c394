// What every server started from a local binary hands back: a URL, and stop
// and restart that keep the port (and the temp dir, until stop).
import type { ManagedProcess } from './processes';
import { removeTempDir } from './tempDir';

export interface RestartableServer {
  url: string;
  how: 'binary';
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export function binaryServerHandle(
  url: string,
  first: ManagedProcess,
  relaunch: () => Promise<ManagedProcess>,
  dir: string,
): RestartableServer {
  let current = first;
  let stopped = false;
  return {
    url,
    how: 'binary',
    async stop() {
      if (stopped) return;
      stopped = true;
      await current.stop();
      await removeTempDir(dir);
    },
    async restart() {
      if (stopped) throw new Error('restart() after stop()');
      await current.stop();
      current = await relaunch();
    },
  };
}
