import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveWebApp } from '../../server/serveWebApp';

export const WORKSPACE = resolve(__dirname, '../../../..');
export const WEB_ROOT = join(WORKSPACE, 'dist/apps/web');

/** `nx test web` builds first (dependsOn); a bare jest run builds here when the app is missing. */
export function ensureBuilt(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  execFileSync(join(WORKSPACE, 'node_modules/.bin/vite'), ['build', '--config', 'apps/web/vite.config.ts'], {
    cwd: WORKSPACE,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

export interface Station {
  url: string;
  adminToken: string;
  dataDir: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * A real edge instance (SQLite log, every service in process) on a free
 * port with a temp data dir, serving the built web app at `/`.
 */
export async function startStation(options: { quiet?: boolean } = {}): Promise<Station> {
  ensureBuilt();
  const restoreOutput = options.quiet === false ? () => undefined : hideRequestLogs();
  // The browser test runs the real composition root of edge mode, as a listener's device would.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  const { createEdgeApp } = (await import(
    '../../../edge/src/edgeApp'
  )) as typeof import('../../../edge/src/edgeApp');
  // eslint-disable-next-line @nx/enforce-module-boundaries
  const { readStationConfig } = (await import(
    '../../../edge/src/stationConfig'
  )) as typeof import('../../../edge/src/stationConfig');
  const dataDir = mkdtempSync(join(tmpdir(), 'qfzz-web-'));
  const adminToken = `admin-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const app = await createEdgeApp(
    readStationConfig({ QFZZ_DATA_DIR: dataDir, PORT: '0', QFZZ_ADMIN_TOKEN: adminToken }),
  );
  try {
    if (!(await serveWebApp(app, { root: WEB_ROOT })))
      throw new Error(`the web app is not built in ${WEB_ROOT}`);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    restoreOutput();
    throw error;
  }
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    adminToken,
    dataDir,
    app,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      restoreOutput();
    },
  };
}

/** The gateway writes one JSON line per request to stdout; a test run shows only warnings and errors. */
function hideRequestLogs(): () => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('{"time"') && text.includes('"level":"info"')) return true;
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  return () => {
    process.stdout.write = write;
  };
}
