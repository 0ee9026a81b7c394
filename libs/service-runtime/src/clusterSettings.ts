import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** What every cluster-mode service reads from its environment. */
export interface ClusterSettings {
  service: string;
  natsUrl: string;
  /** Hot profiles and playlists; no cache when unset. */
  redisUrl?: string;
  eventStore: 'sqlite' | 'mongodb';
  mongodbUrl?: string;
  /** With `sqlite`: a log file shared by the processes on one host. */
  sqliteFile: string;
  readModelFile: string;
  /** Per-listener data keys with `sqlite` (with `mongodb` they live in MongoDB). */
  keysFile: string;
  ackWaitMs: number;
  port: number;
  /** Names per-replica resources, e.g. a durable every replica needs for itself. */
  replicaId: string;
  /** Relay the log to the bus from this replica (harmless on several: the bus drops republished events). */
  outboxRelay: boolean;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function required(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const value = env[name];
  if (!value) throw new SettingsError(`${name} is required (e.g. ${name}=${example})`);
  return value;
}

/** `name` as a whole number from `min` to `max`; `fallback` when unset. For service-specific settings too. */
export function readWholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(
      `${name}=${JSON.stringify(raw)} is not valid: expected a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

/** `name` as on/off (`1`/`true`/`on`/`yes` or `0`/`false`/`off`/`no`); `fallback` when unset. */
export function readFlag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new SettingsError(`${name}=${JSON.stringify(raw)} is not valid: expected on or off`);
}

export function readClusterSettings(
  env: NodeJS.ProcessEnv,
  defaults: { service: string; port: number; outboxRelay?: boolean },
): ClusterSettings {
  const eventStore = (env.QFZZ_EVENT_STORE || 'mongodb') as ClusterSettings['eventStore'];
  if (eventStore !== 'sqlite' && eventStore !== 'mongodb') {
    throw new SettingsError(
      `QFZZ_EVENT_STORE=${JSON.stringify(env.QFZZ_EVENT_STORE)} is not valid: expected sqlite or mongodb`,
    );
  }
  const dataDir = resolve(env.QFZZ_DATA_DIR || './data');
  return {
    service: defaults.service,
    natsUrl: required(env, 'NATS_URL', 'nats://127.0.0.1:4222'),
    redisUrl: env.REDIS_URL || undefined,
    eventStore,
    mongodbUrl:
      eventStore === 'mongodb'
        ? required(env, 'MONGODB_URL', 'mongodb://127.0.0.1:27017/qfzz?replicaSet=rs0')
        : undefined,
    sqliteFile: env.QFZZ_SQLITE_FILE || join(dataDir, 'qfzz.db'),
    readModelFile: env.QFZZ_READ_MODEL_FILE || join(dataDir, 'read-models.db'),
    keysFile: env.QFZZ_KEYS_FILE || join(dataDir, 'keys.db'),
    ackWaitMs: readWholeNumber(env, 'QFZZ_ACK_WAIT_MS', 30_000, 100, 3_600_000),
    port: readWholeNumber(env, 'PORT', defaults.port, 0, 65_535),
    replicaId: env.QFZZ_REPLICA_ID || `${hostname()}-${process.pid}`,
    outboxRelay: readFlag(env, 'QFZZ_OUTBOX_RELAY', defaults.outboxRelay ?? false),
  };
}
