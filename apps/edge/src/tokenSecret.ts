import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key of the listener tokens' HMAC: `QFZZ_TOKEN_SECRET` when set;
 * otherwise generated on first start and kept in `<dataDir>/token-secret`
 * (owner-only), so tokens stay valid across restarts. Deleting the file
 * invalidates every listener token.
 */
export function loadTokenSecret(dataDir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
