import { join, resolve } from 'node:path';

/** Cluster-mode settings of one profile-projection replica, from the environment. */
export interface ProfileProjectionSettings {
  natsUrl: string;
  redisUrl?: string;
  eventStore: 'sqlite' | 'mongodb';
  mongodbUrl?: string;
  sqliteFile: string;
  readModelFile: string;
  ackWaitMs: number;
  /** Also relay the log to the bus (harmless on several replicas: the bus drops republished events). */
  outboxRelay: boolean;
  port: number;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required (e.g. ${name}=nats://127.0.0.1:4222)`);
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ProfileProjectionSettings {
  const eventStore = (env.QFZZ_EVENT_STORE || 'mongodb') as ProfileProjectionSettings['eventStore'];
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
    natsUrl: required(env, 'NATS_URL'),
    redisUrl: env.REDIS_URL || undefined,
    eventStore,
    mongodbUrl: eventStore === 'mongodb' ? required(env, 'MONGODB_URL') : undefined,
    sqliteFile: env.QFZZ_SQLITE_FILE || join(dataDir, 'qfzz.db'),
    readModelFile: env.QFZZ_READ_MODEL_FILE || join(dataDir, 'read-models.db'),
    ackWaitMs,
    outboxRelay: !/^(0|false|off|no)$/i.test(env.QFZZ_OUTBOX_RELAY ?? 'on'),
    port: Number(env.PORT || 3101),
  };
}
