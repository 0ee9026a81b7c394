import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AdminToken {
  token: string;
  /** True only on the start that generated it: the one time it is printed. */
  generated: boolean;
}

/**
 * The admin bearer token: `QFZZ_ADMIN_TOKEN` when set; otherwise generated on
 * first start and kept in the data dir (readable by the owner only), so a
 * restart keeps the same token and never prints it again.
 */
export function loadAdminToken(dataDir: string, fromEnv?: string): AdminToken {
  if (fromEnv) return { token: fromEnv, generated: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: true };
}
