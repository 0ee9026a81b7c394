// A real Redis server: a container when a runtime answers, else the local
// `redis-server` binary on a free loopback port (no persistence).
import { binaryServerHandle } from './binaryServer';
import { freePort } from './freePort';
import { launchUntilReady, type ManagedProcess } from './processes';
import { chooseServer, type ServerHow } from './serverChoice';
import { makeTempDir, removeTempDir } from './tempDir';
import { tcpExchange, waitUntil } from './waitUntil';

const REDIS_IMAGE = 'redis:7';
const STARTUP_TIMEOUT_MS = 20_000;
const PORT_ATTEMPTS = 5;

export interface RunningRedis {
  /** `redis://127.0.0.1:PORT`; the same after restart(). */
  url: string;
  how: ServerHow;
  stop(): Promise<void>;
  /** Stops and starts the server on the same port. Data is not kept (no persistence). */
  restart(): Promise<void>;
}

async function answersPing(host: string, port: number): Promise<boolean> {
  return (await tcpExchange(host, port, 'PING\r\n')).startsWith('+PONG');
}

export async function startRedis(): Promise<RunningRedis> {
  const choice = await chooseServer('redis-server', 'redis-server');
  return choice.how === 'container' ? startRedisContainer() : startRedisBinary(choice.path);
}

async function startRedisBinary(binary: string): Promise<RunningRedis> {
  const dir = await makeTempDir('qfzz-redis-');
  const launch = (port: number): Promise<ManagedProcess> =>
    launchUntilReady({
      command: binary,
      args: ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
      what: `redis-server on port ${port}`,
      timeoutMs: STARTUP_TIMEOUT_MS,
      ready: () => answersPing('127.0.0.1', port),
    });

  let proc: ManagedProcess | undefined;
  let port = 0;
  try {
    // The free port may be taken between picking and binding: retry with another.
    for (let attempt = 1; !proc; attempt++) {
      port = await freePort();
      try {
        proc = await launch(port);
      } catch (err) {
        if (attempt >= PORT_ATTEMPTS || !/Address already in use|EADDRINUSE/i.test((err as Error).message))
          throw err;
      }
    }
  } catch (err) {
    await removeTempDir(dir);
    throw err;
  }

  return binaryServerHandle(`redis://127.0.0.1:${port}`, proc, () => launch(port), dir);
}

async function startRedisContainer(): Promise<RunningRedis> {
  const { RedisContainer } = await import('@testcontainers/redis');
  // A fixed host port keeps the URL valid across restart().
  const hostPort = await freePort();
  const container = await new RedisContainer(REDIS_IMAGE)
    .withExposedPorts({ container: 6379, host: hostPort })
    .start();
  const host = container.getHost();
  const port = container.getPort();
  let stopped = false;
  return {
    url: `redis://${host}:${port}`,
    how: 'container',
    async stop() {
      if (stopped) return;
      stopped = true;
      await container.stop();
    },
    async restart() {
      await container.restart();
      await waitUntil(() => answersPing(host, port), {
        what: `Redis container at ${host}:${port}`,
        timeoutMs: STARTUP_TIMEOUT_MS,
      });
    },
  };
}
