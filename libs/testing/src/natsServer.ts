// A real NATS server with JetStream: a container when a runtime answers,
// else the local `nats-server` binary on a random loopback port.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { binaryServerHandle } from './binaryServer';
import { freePort } from './freePort';
import { launchUntilReady, type ManagedProcess } from './processes';
import { chooseServer, type ServerHow } from './serverChoice';
import { makeTempDir, removeTempDir } from './tempDir';
import { waitUntil } from './waitUntil';

const NATS_IMAGE = 'nats:2.10';
const STARTUP_TIMEOUT_MS = 20_000;

export interface RunningNats {
  /** e.g. `nats://127.0.0.1:40635`; the same after restart(). */
  url: string;
  how: ServerHow;
  stop(): Promise<void>;
  /** Stops and starts the same server on the same port, keeping JetStream data. */
  restart(): Promise<void>;
}

/** True once a client can connect and JetStream answers. */
async function jetStreamAnswers(url: string): Promise<boolean> {
  const { connect } = await import('nats');
  const nc = await connect({ servers: url, reconnect: false, timeout: 1000 });
  try {
    const jsm = await nc.jetstreamManager({ timeout: 1000 });
    await jsm.getAccountInfo();
    return true;
  } finally {
    await nc.close();
  }
}

export async function startNats(): Promise<RunningNats> {
  const choice = await chooseServer('nats-server', 'nats-server');
  return choice.how === 'container' ? startNatsContainer() : startNatsBinary(choice.path);
}

async function startNatsBinary(binary: string): Promise<RunningNats> {
  const dir = await makeTempDir('qfzz-nats-');
  let url = '';

  const launch = (port: number | undefined): Promise<ManagedProcess> =>
    launchUntilReady({
      command: binary,
      // -p -1: random port, written to DIR/nats-server_<pid>.ports once listening.
      args: ['-a', '127.0.0.1', '-p', String(port ?? -1), '--ports_file_dir', dir, '-js', '-sd', dir],
      what: port ? `nats-server on port ${port}` : 'nats-server',
      timeoutMs: STARTUP_TIMEOUT_MS,
      ready: async (proc) => {
        if (!url) {
          const ports = JSON.parse(await readFile(join(dir, `nats-server_${proc.pid}.ports`), 'utf8')) as {
            nats?: string[];
          };
          const found = ports.nats?.[0];
          if (!found) return false;
          url = found;
        }
        return jetStreamAnswers(url);
      },
    });

  let proc: ManagedProcess;
  try {
    proc = await launch(undefined);
  } catch (err) {
    await removeTempDir(dir);
    throw err;
  }
  const port = Number(new URL(url).port);
  return binaryServerHandle(url, proc, () => launch(port), dir);
}

async function startNatsContainer(): Promise<RunningNats> {
  const { GenericContainer, Wait } = await import('testcontainers');
  // Not @testcontainers/nats' NatsContainer: it always adds --user/--pass, and the
  // nats client does not take credentials from a URL. A fixed host port keeps
  // the URL valid across restart().
  const hostPort = await freePort();
  const container: StartedTestContainer = await new GenericContainer(NATS_IMAGE)
    .withCommand(['-js', '-sd', '/data'])
    .withExposedPorts({ container: 4222, host: hostPort })
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .withStartupTimeout(120_000)
    .start();
  const url = `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
  const ready = () =>
    waitUntil(() => jetStreamAnswers(url), {
      what: `NATS container at ${url}`,
      timeoutMs: STARTUP_TIMEOUT_MS,
    });
  try {
    await ready();
  } catch (err) {
    await container.stop().catch(() => undefined);
    throw err;
  }
  let stopped = false;
  return {
    url,
    how: 'container',
    async stop() {
      if (stopped) return;
      stopped = true;
      await container.stop();
    },
    async restart() {
      await container.restart();
      await ready();
    },
  };
}
