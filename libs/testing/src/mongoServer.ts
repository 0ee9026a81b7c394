// MongoDB for tests, where one can be had: MONGODB_URL, else a testcontainers
// replica set. Otherwise an explicit "unavailable" with the reason, so suites
// can skip and say why. No MongoDB binary is installable on our CI machines.
import { containerRuntimeStatus, testServersMode } from './containerRuntime';

const MONGO_IMAGE = 'mongo:7';
const PROBE_TIMEOUT_MS = 2000;

export interface RunningMongo {
  available: true;
  url: string;
  how: 'env' | 'container';
  /** Stops the container; a no-op for MONGODB_URL (not ours to stop). */
  stop(): Promise<void>;
}

export interface MongoUnavailable {
  available: false;
  reason: string;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

/** Connects with a short server-selection timeout and pings. */
async function probeMongo(url: string): Promise<string | undefined> {
  const mongoose = (await import('mongoose')).default;
  const conn = mongoose.createConnection(url, { serverSelectionTimeoutMS: PROBE_TIMEOUT_MS });
  try {
    await conn.asPromise();
    await conn.db?.admin().ping();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await conn.close().catch(() => undefined);
  }
}

function withDirectConnection(url: string): string {
  if (/[?&]directConnection=/.test(url)) return url;
  if (url.includes('?')) return `${url}&directConnection=true`;
  return `${url}${url.endsWith('/') ? '' : '/'}?directConnection=true`;
}

export async function startMongo(): Promise<RunningMongo | MongoUnavailable> {
  const fromEnv = process.env['MONGODB_URL']?.trim();
  if (fromEnv) {
    const problem = await probeMongo(fromEnv);
    if (problem) {
      return {
        available: false,
        reason: `MONGODB_URL=${redact(fromEnv)} did not answer within ${PROBE_TIMEOUT_MS} ms: ${problem}`,
      };
    }
    return { available: true, url: fromEnv, how: 'env', stop: async () => undefined };
  }

  const runtime = await containerRuntimeStatus();
  if (!runtime.available) {
    const why = `MongoDB unavailable: MONGODB_URL is not set and no container runtime answered (${runtime.reason}).`;
    const todo =
      'Set MONGODB_URL=mongodb://HOST:PORT to a running MongoDB, or start Docker so testcontainers can run mongo:7.';
    if (testServersMode() === 'containers') throw new Error(`QFZZ_TEST_SERVERS=containers: ${why} ${todo}`);
    return { available: false, reason: `${why} ${todo}` };
  }

  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const container = await new MongoDBContainer(MONGO_IMAGE).start();
  let stopped = false;
  return {
    available: true,
    // The replica set advertises the container's own hostname: connect directly.
    url: withDirectConnection(container.getConnectionString()),
    how: 'container',
    async stop() {
      if (stopped) return;
      stopped = true;
      await container.stop();
    },
  };
}
