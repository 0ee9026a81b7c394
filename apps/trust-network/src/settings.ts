import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** Cluster-mode settings of one trust-network replica, from the environment. */
export interface TrustNetworkSettings {
  natsUrl: string;
  eventStore: 'sqlite' | 'mongodb';
  mongodbUrl?: string;
  sqliteFile: string;
  /** Per-listener data keys (crypto-shredding); SQLite, so one host. */
  keysFile: string;
  /** Names this replica's own durable: every replica folds every event into its in-memory graph. */
  replicaId: string;
  ackWaitMs: number;
  port: number;
}

function required(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required (e.g. ${name}=${example})`);
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): TrustNetworkSettings {
  const eventStore = (env.QFZZ_EVENT_STORE || 'mongodb') as TrustNetworkSettings['eventStore'];
  if (eventStore !== 'sqlite' && eventStore !== 'mongodb') {
    throw new Error(
      `QFZZ_EVENT_STORE=${JSON.stringify(env.QFZZ_EVENT_STORE)} is not valid: expected sqlite or mongodb`,
    );
  }
  const dataDir = resolve(env.QFZZ_DATA_DIR || './data');
  const ackWaitMs = Number(env.QFZZ_ACK_WAIT_MS || 30_000);
  if (!Number.isInteger(ackWaitMs) || ackWaitMs < 100)
    throw new Error('QFZZ_ACK_WAIT_MS must be a whole number >= 100');
  return {
    natsUrl: required(env, 'NATS_URL', 'nats://127.0.0.1:4222'),
    eventStore,
    mongodbUrl:
      eventStore === 'mongodb'
        ? required(env, 'MONGODB_URL', 'mongodb://127.0.0.1:27017/qfzz?replicaSet=rs0')
        : undefined,
    sqliteFile: env.QFZZ_SQLITE_FILE || join(dataDir, 'qfzz.db'),
    keysFile: env.QFZZ_KEYS_FILE || join(dataDir, 'keys.db'),
    replicaId: env.QFZZ_REPLICA_ID || hostname(),
    ackWaitMs,
    port: Number(env.PORT || 3104),
  };
}
