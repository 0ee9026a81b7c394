import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEdgeProcess } from '@qfzz/testing';

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
  close(): Promise<void>;
}

/**
 * Edge mode as a listener's device runs it — its own process, every service
 * in it, a temp data dir, a free port — serving the built web app at `/`.
 */
export async function startStation(): Promise<Station> {
  ensureBuilt();
  const edge = await startEdgeProcess({
    adminToken: `admin-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    env: { QFZZ_WEB_ROOT: WEB_ROOT },
  });
  return { url: edge.url, adminToken: edge.adminToken, dataDir: edge.dataDir, close: () => edge.stop() };
}
