import { join, resolve } from 'node:path';
import { readLlmSettings, type LlmSettings } from '@qfzz/conversation';

/** Cluster-mode settings of one conversation replica, from the environment. */
export interface ConversationSettings {
  natsUrl: string;
  eventStore: 'sqlite' | 'mongodb';
  mongodbUrl?: string;
  sqliteFile: string;
  /** Listeners whose session context this replica keeps in memory. */
  maxSessions: number;
  /** Per request to another service. */
  peerTimeoutMs: number;
  /** The optional language model; undefined (off) unless `QFZZ_LLM_URL` is set. */
  llm?: LlmSettings;
  port: number;
}

function required(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required (e.g. ${name}=${example})`);
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const value = Number(env[name] || fallback);
  if (!Number.isInteger(value) || value < minimum)
    throw new Error(`${name} must be a whole number >= ${minimum}`);
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ConversationSettings {
  const eventStore = (env.QFZZ_EVENT_STORE || 'mongodb') as ConversationSettings['eventStore'];
  if (eventStore !== 'sqlite' && eventStore !== 'mongodb') {
    throw new Error(
      `QFZZ_EVENT_STORE=${JSON.stringify(env.QFZZ_EVENT_STORE)} is not valid: expected sqlite or mongodb`,
    );
  }
  const dataDir = resolve(env.QFZZ_DATA_DIR || './data');
  const llm = readLlmSettings(env);
  return {
    natsUrl: required(env, 'NATS_URL', 'nats://127.0.0.1:4222'),
    eventStore,
    mongodbUrl:
      eventStore === 'mongodb'
        ? required(env, 'MONGODB_URL', 'mongodb://127.0.0.1:27017/qfzz?replicaSet=rs0')
        : undefined,
    sqliteFile: env.QFZZ_SQLITE_FILE || join(dataDir, 'qfzz.db'),
    maxSessions: wholeNumber(env, 'QFZZ_MAX_SESSIONS', 10_000, 1),
    peerTimeoutMs: wholeNumber(env, 'QFZZ_PEER_TIMEOUT_MS', 5000, 50),
    ...(llm ? { llm } : {}),
    port: Number(env.PORT || 3104),
  };
}
