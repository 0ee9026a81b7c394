import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchUntilReady, liveProcessCount } from './processes';

jest.setTimeout(30_000);

/** Running, as opposed to gone or a zombie (PID 1 here does not reap orphans). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('spawned server processes', () => {
  it('a start-up that never becomes ready is killed, and the error shows its output', async () => {
    const error = await launchUntilReady({
      command: 'sh',
      args: ['-c', 'echo "booting the fake server"; echo "something went wrong" >&2; exec sleep 60'],
      what: 'fake server',
      timeoutMs: 700,
      ready: async () => false,
    }).catch((err: Error) => err);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('fake server failed to start');
    expect(message).toContain('not ready within 700 ms');
    expect(message).toContain('booting the fake server');
    expect(message).toContain('something went wrong');
    expect(liveProcessCount()).toBe(0);
  });

  it('a start-up whose process exits reports the exit at once, with its output', async () => {
    const started = Date.now();
    await expect(
      launchUntilReady({
        command: 'sh',
        args: ['-c', 'echo "port is busy" >&2; exit 3'],
        what: 'short-lived server',
        timeoutMs: 10_000,
        ready: async () => false,
      }),
    ).rejects.toThrow(/sh exited with code 3[\s\S]*port is busy/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a missing binary is a plain error', async () => {
    await expect(
      launchUntilReady({
        command: 'qfzz-no-such-binary',
        args: [],
        what: 'nothing',
        ready: async () => true,
      }),
    ).rejects.toThrow(/could not spawn qfzz-no-such-binary: .*ENOENT/);
  });

  it('servers left running are killed when the Node process exits', () => {
    const script = join(__dirname, '__fixtures__', 'leaveServersRunning.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: join(__dirname, '..', '..', '..'),
      encoding: 'utf8',
      timeout: 25_000,
      env: { ...process.env, QFZZ_TEST_SERVERS: 'binaries' },
    });
    expect(run.stderr).toBe('');
    const { pids, dirs } = JSON.parse(run.stdout.trim().split('\n').pop() as string) as {
      pids: number[];
      dirs: string[];
    };
    expect(pids.length).toBe(2);
    for (const pid of pids) expect(running(pid)).toBe(false);
    // redis-server rewrites its process title, so only the NATS store dir shows in ps.
    expect(dirs.length).toBeGreaterThan(0);
    for (const dir of dirs) expect(existsSync(dir)).toBe(false);
  });
});
