// qfzz apps as their own processes for end-to-end tests — edge mode (apps/edge's
// main.ts, what `npm start` runs) in its own process on a free loopback port
// with a temp data dir. Tests talk to it over HTTP only, so no library has to
// import an app. ts-node compiles it on the fly (with the decorator metadata
// Nest needs), so no build step comes first.
import { join } from 'node:path';
import { freePort } from './freePort';
import { launchUntilReady } from './processes';
import { makeTempDir, removeTempDir } from './tempDir';

const root = join(__dirname, '../../..');

export interface RunningEdge {
  url: string;
  adminToken: string;
  dataDir: string;
  /** The server's last output, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface EdgeProcessOptions {
  env?: Record<string, string>;
  adminToken?: string;
  /** Start on an existing data dir (a restart); it is then left in place on stop. */
  dataDir?: string;
  startupTimeoutMs?: number;
}

export interface RunningApp {
  url: string;
  pid: number;
  output(): string;
  /** Sends a signal, e.g. SIGSTOP/SIGCONT to stall a replica or SIGKILL to kill it mid-run. */
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/**
 * Any qfzz app's main.ts as its own process (ts-node, with the decorator
 * metadata Nest needs), on `port`, ready once `readyPath` answers 200.
 */
export async function startAppProcess(options: {
  app: string;
  port: number;
  env: Record<string, string>;
  readyPath?: string;
  startupTimeoutMs?: number;
}): Promise<RunningApp> {
  const url = `http://127.0.0.1:${options.port}`;
  const proc = await launchUntilReady({
    command: process.execPath,
    args: ['-r', 'ts-node/register', join(root, `apps/${options.app}/src/main.ts`)],
    cwd: root,
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_PROJECT: join(root, 'tsconfig.base.json'),
      PORT: String(options.port),
      ...options.env,
    },
    what: `${options.app} on port ${options.port}`,
    timeoutMs: options.startupTimeoutMs ?? 120_000,
    ready: async () =>
      fetch(`${url}${options.readyPath ?? '/ready'}`).then(
        (r) => r.ok,
        () => false,
      ),
  });
  return {
    url,
    pid: proc.pid,
    output: () => proc.output(),
    signal: (signal) => {
      if (proc.exitStatus() === undefined) process.kill(proc.pid, signal);
    },
    async stop() {
      // A stalled (SIGSTOPped) process would sit out the grace period.
      if (proc.exitStatus() === undefined) process.kill(proc.pid, 'SIGCONT');
      await proc.stop(10_000);
    },
  };
}

export async function startEdgeProcess(options: EdgeProcessOptions = {}): Promise<RunningEdge> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeTempDir('qfzz-edge-'));
  const adminToken = options.adminToken ?? 'edge-test-admin-token-0123456789';
  try {
    const app = await startAppProcess({
      app: 'edge',
      port: await freePort(),
      env: { HOST: '127.0.0.1', QFZZ_DATA_DIR: dataDir, QFZZ_ADMIN_TOKEN: adminToken, ...options.env },
      startupTimeoutMs: options.startupTimeoutMs ?? 90_000,
    });
    return {
      url: app.url,
      adminToken,
      dataDir,
      output: app.output,
      async stop() {
        await app.stop();
        if (ownDir) await removeTempDir(dataDir);
      },
    };
  } catch (error) {
    if (ownDir) await removeTempDir(dataDir);
    throw error;
  }
}
