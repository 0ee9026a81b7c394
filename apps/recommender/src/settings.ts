import { join, resolve } from 'node:path';

/** Cluster-mode settings of one recommender replica, from the environment. */
export interface RecommenderSettings {
  natsUrl: string;
  redisUrl?: string;
  eventStore: 'sqlite' | 'mongodb';
  mongodbUrl?: string;
  sqliteFile: string;
  /** Taste profiles: the read model profile-projection keeps (read, and written back only by compare-and-set). */
  readModelFile: string;
  playlistTtlSeconds: number;
  port: number;
}

function required(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required (e.g. ${name}=${example})`);
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): RecommenderSettings {
  const eventStore = (env.QFZZ_EVENT_STORE || 'mongodb') as RecommenderSettings['eventStore'];
  if (eventStore !== 'sqlite' && eventStore !== 'mongodb') {
    throw new Error(
      `QFZZ_EVENT_STORE=${JSON.stringify(env.QFZZ_EVENT_STORE)} is not valid: expected sqlite or mongodb`,
    );
  }
  const dataDir = resolve(env.QFZZ_DATA_DIR || './data');
  const playlistTtlSeconds = Number(env.QFZZ_PLAYLIST_TTL_SECONDS || 600);
  if (!(playlistTtlSeconds > 0)) throw new Error('QFZZ_PLAYLIST_TTL_SECONDS must be a positive number');
  return {
    natsUrl: required(env, 'NATS_URL', 'nats://127.0.0.1:4222'),
    redisUrl: env.REDIS_URL || undefined,
    eventStore,
    mongodbUrl:
      eventStore === 'mongodb'
        ? required(env, 'MONGODB_URL', 'mongodb://127.0.0.1:27017/qfzz?replicaSet=rs0')
        : undefined,
    sqliteFile: env.QFZZ_SQLITE_FILE || join(dataDir, 'qfzz.db'),
    readModelFile: env.QFZZ_READ_MODEL_FILE || join(dataDir, 'read-models.db'),
    playlistTtlSeconds,
    port: Number(env.PORT || 3102),
  };
}
