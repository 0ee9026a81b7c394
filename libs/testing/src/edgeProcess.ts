// Edge mode for end-to-end tests: the real composition root (apps/edge's
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

export async function startEdgeProcess(options: EdgeProcessOptions = {}): Promise<RunningEdge> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeTempDir('qfzz-edge-'));
  const adminToken = options.adminToken ?? 'edge-test-admin-token-0123456789';
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  try {
    const proc = await launchUntilReady({
      command: process.execPath,
      args: ['-r', 'ts-node/register', join(root, 'apps/edge/src/main.ts')],
      cwd: root,
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_PROJECT: join(root, 'tsconfig.base.json'),
        PORT: String(port),
        HOST: '127.0.0.1',
        QFZZ_DATA_DIR: dataDir,
        QFZZ_ADMIN_TOKEN: adminToken,
        ...options.env,
      },
      what: `the edge server on port ${port}`,
      timeoutMs: options.startupTimeoutMs ?? 90_000,
      ready: async () =>
        fetch(`${url}/ready`).then(
          (r) => r.ok,
          () => false,
        ),
    });
    return {
      url,
      adminToken,
      dataDir,
      output: () => proc.output(),
      async stop() {
        await proc.stop(10_000);
        if (ownDir) await removeTempDir(dataDir);
      },
    };
  } catch (error) {
    if (ownDir) await removeTempDir(dataDir);
    throw error;
  }
}
