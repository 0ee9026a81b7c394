import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenerStreamId, newQfzzEvent } from '@qfzz/domain';
import { startNats, startRedis, type RunningNats, type RunningRedis } from '@qfzz/testing';
import type { ClusterAdapters } from './clusterAdapters';
import { readWholeNumber, SettingsError } from './clusterSettings';
import { runService, type RunningService, type ServiceDefinition, type ServiceReplica } from './runService';

jest.setTimeout(60_000);

interface ProbeSettings {
  greeting: number;
}

interface RunningProbe extends RunningService {
  stopped: number;
}

/** A service with nothing of its own but a setting, a readiness check and a stop to count. */
const probeService: ServiceDefinition<ProbeSettings, RunningProbe> = {
  service: 'probe',
  defaultPort: 3199,
  readSettings: (env) => ({ greeting: readWholeNumber(env, 'QFZZ_PROBE_GREETING', 1, 0, 9) }),
  async start() {
    const running: RunningProbe = {
      stopped: 0,
      checks: async () => ({ probe: true }),
      async stop() {
        running.stopped++;
      },
    };
    return running;
  },
};

const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
};

describe('runService: one replica in-process over real NATS and Redis and a SQLite log', () => {
  let nats: RunningNats;
  let redis: RunningRedis;
  let dir: string;
  let replica: ServiceReplica<ProbeSettings, RunningProbe> | undefined;
  let env: NodeJS.ProcessEnv;
  const lines: string[] = [];

  beforeAll(async () => {
    [nats, redis] = await Promise.all([startNats(), startRedis()]);
    dir = mkdtempSync(join(tmpdir(), 'qfzz-service-runtime-'));
    env = {
      NATS_URL: nats.url,
      REDIS_URL: redis.url,
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_DATA_DIR: dir,
      QFZZ_PROBE_GREETING: '7',
      PORT: '0',
    };
    jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  });

  afterAll(async () => {
    await replica?.stop();
    await Promise.all([nats?.stop(), redis?.stop().catch(() => undefined)]);
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('opens the adapters on the settings, with the log and keys under QFZZ_DATA_DIR', async () => {
    replica = await runService(probeService, env);
    expect(replica.own).toEqual({ greeting: 7 });
    expect(replica.port).toBeGreaterThan(0);
    expect(replica.adapters.settings).toMatchObject({ service: 'probe', eventStore: 'sqlite', port: 0 });
    expect(existsSync(join(dir, 'qfzz.db'))).toBe(true);
    expect(existsSync(join(dir, 'keys.db'))).toBe(true);

    // The decrypting store seals personal data in the log as stored, and opens it again.
    await replica.adapters.store.appendToStream(listenerStreamId('ada'), [
      newQfzzEvent('ListenerRegistered', { listenerId: 'ada' }),
    ]);
    const [read] = await replica.adapters.store.readStream(listenerStreamId('ada'));
    expect(read.data).toEqual({ listenerId: 'ada' });
    expect(
      JSON.stringify((await replica.adapters.stored.readStream(listenerStreamId('ada')))[0].data),
    ).not.toContain('ada');
    expect(lines.some((line) => line.includes('"message":"replica started"'))).toBe(true);
  });

  it('answers /health, and /ready with every shared check and the service its own', async () => {
    const base = `http://127.0.0.1:${replica?.port}`;
    expect(await getJson(`${base}/health`)).toEqual({
      status: 200,
      body: { status: 'ok', service: 'probe' },
    });
    expect(await getJson(`${base}/ready`)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { eventLog: true, bus: true, cache: true, probe: true } },
    });
  });

  it('is not ready once Redis is gone, and says it is the cache, within the probe timeout', async () => {
    await redis.stop();
    const started = Date.now();
    const ready = await getJson(`http://127.0.0.1:${replica?.port}/ready`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ready).toEqual({
      status: 503,
      body: { status: 'not_ready', checks: { eventLog: true, bus: true, cache: false, probe: true } },
    });
    const health = await getJson(`http://127.0.0.1:${replica?.port}/health`);
    expect(health.status).toBe(200);
  });

  it('stops cleanly: the probes close, the service stops once, the connections close', async () => {
    const running = replica as ServiceReplica<ProbeSettings, RunningProbe>;
    await Promise.all([running.stop(), running.stop()]);
    expect(running.running.stopped).toBe(1);
    expect(running.adapters.queryBus.connection.isClosed()).toBe(true);
    expect(running.adapters.bus.connection.isClosed()).toBe(true);
    // The Redis client (down since the last test) stops trying to reconnect: no more connection errors.
    const cacheErrors = () => lines.filter((line) => line.includes('"message":"cache error"')).length;
    const before = cacheErrors();
    expect(before).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(cacheErrors()).toBe(before);
    expect(running.adapters.cache?.redis.status).not.toBe('ready');
    await expect(fetch(`http://127.0.0.1:${running.port}/health`)).rejects.toThrow();
    expect(lines.some((line) => line.includes('"message":"replica stopped"'))).toBe(true);
    await running.stop();
    expect(running.running.stopped).toBe(1);
    replica = undefined;
  });

  it('refuses a bad setting of the service before opening anything', async () => {
    await expect(
      runService(probeService, { ...env, NATS_URL: 'nats://127.0.0.1:1', QFZZ_PROBE_GREETING: '12' }),
    ).rejects.toThrow(
      new SettingsError('QFZZ_PROBE_GREETING="12" is not valid: expected a whole number from 0 to 9'),
    );
  });

  it('closes the adapters when the service fails to start', async () => {
    const opened: ClusterAdapters[] = [];
    const failing: ServiceDefinition = {
      service: 'failing',
      defaultPort: 3198,
      async start(adapters) {
        opened.push(adapters);
        throw new Error('no read model');
      },
    };
    await expect(runService(failing, { ...env, REDIS_URL: '' })).rejects.toThrow('no read model');
    expect(opened).toHaveLength(1);
    expect(opened[0].queryBus.connection.isClosed()).toBe(true);
    expect(opened[0].bus.connection.isClosed()).toBe(true);
  });
});
