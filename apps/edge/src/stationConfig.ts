import { resolve } from 'node:path';

/** Settings read once from the environment (ARCHITECTURE.md, API.md). */
export interface StationConfig {
  host: string;
  port: number;
  dataDir: string;
  stationName: string;
  /** Off: everyone gets the same non-personalised playlists. */
  personalization: boolean;
  /** The tamper-evident per-stream hash chain. */
  hashChain: boolean;
  /** Memory budget the edge device gives qfzz; undefined = no budget. */
  maxMemoryMb?: number;
  adminToken?: string;
  /** Requests per second (and burst) one listener's token may make; the gateway's default when unset. */
  listenerRateLimit?: { perSecond: number; burst: number };
  /** The built web console served at `/` (default `dist/apps/web` under the working directory). */
  webRoot?: string;
  /** Key of the listener tokens; generated and kept in the data dir when unset. */
  tokenSecret?: string;
}

export class ConfigError extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`${variable}=${JSON.stringify(value)} is not valid: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new ConfigError(name, raw, 'on or off');
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new ConfigError(name, raw, `a whole number from 0 to ${max}`);
  return value;
}

export function readStationConfig(env: NodeJS.ProcessEnv = process.env): StationConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: positiveInt(env, 'PORT', 65535) ?? 3000,
    dataDir: resolve(env.QFZZ_DATA_DIR || './data'),
    stationName: env.QFZZ_STATION_NAME || 'qfzz',
    personalization: flag(env, 'QFZZ_PERSONALIZATION', true),
    hashChain: hashChainOn(env),
    maxMemoryMb: positiveInt(env, 'QFZZ_MAX_MEMORY_MB', 1_048_576),
    adminToken: env.QFZZ_ADMIN_TOKEN || undefined,
    webRoot: env.QFZZ_WEB_ROOT || undefined,
    listenerRateLimit: rateLimit(env),
    tokenSecret: env.QFZZ_TOKEN_SECRET || undefined,
  };
}

function rateLimit(env: NodeJS.ProcessEnv): { perSecond: number; burst: number } | undefined {
  const perSecond = positiveInt(env, 'QFZZ_RATE_LIMIT_PER_SECOND', 1_000_000);
  if (perSecond === undefined) return undefined;
  return { perSecond, burst: positiveInt(env, 'QFZZ_RATE_LIMIT_BURST', 1_000_000) ?? perSecond * 2 };
}

/** Every event is chained; a log without the chain is not offered (yet), so off is refused rather than ignored. */
function hashChainOn(env: NodeJS.ProcessEnv): boolean {
  if (!flag(env, 'QFZZ_HASH_CHAIN', true)) {
    throw new ConfigError(
      'QFZZ_HASH_CHAIN',
      env.QFZZ_HASH_CHAIN ?? '',
      'on (the chain cannot be turned off in this version)',
    );
  }
  return true;
}
