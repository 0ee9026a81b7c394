import { containerRuntimeAvailable, containerRuntimeStatus, testServersMode } from './containerRuntime';
import { startNats } from './natsServer';
import { startRedis } from './redisServer';
import { chooseServer } from './serverChoice';

jest.setTimeout(30_000);

describe('choosing container or binary', () => {
  const saved = { PATH: process.env['PATH'], mode: process.env['QFZZ_TEST_SERVERS'] };
  afterEach(() => {
    process.env['PATH'] = saved.PATH;
    if (saved.mode === undefined) delete process.env['QFZZ_TEST_SERVERS'];
    else process.env['QFZZ_TEST_SERVERS'] = saved.mode;
  });

  it('probes the container runtime once, and answers a boolean', async () => {
    delete process.env['QFZZ_TEST_SERVERS'];
    const first = containerRuntimeStatus();
    expect(containerRuntimeStatus()).toBe(first);
    const available = await containerRuntimeAvailable();
    expect(typeof available).toBe('boolean');
    console.log(`container runtime: ${available ? 'available' : `unavailable (${(await first).reason})`}`);
  });

  it('QFZZ_TEST_SERVERS=binaries skips the probe and uses the binaries', async () => {
    process.env['QFZZ_TEST_SERVERS'] = 'binaries';
    await expect(containerRuntimeStatus()).resolves.toEqual({
      available: false,
      reason: 'QFZZ_TEST_SERVERS=binaries: containers not used',
    });
    await expect(chooseServer('nats-server', 'nats-server')).resolves.toEqual({
      how: 'binary',
      path: expect.stringMatching(/nats-server$/),
    });
  });

  it('rejects an unknown QFZZ_TEST_SERVERS value', () => {
    process.env['QFZZ_TEST_SERVERS'] = 'docker';
    expect(() => testServersMode()).toThrow(/QFZZ_TEST_SERVERS must be "containers", "binaries" or "auto"/);
  });

  it('says what to install when the binary is missing', async () => {
    process.env['PATH'] = '/nonexistent';
    process.env['QFZZ_TEST_SERVERS'] = 'binaries';
    await expect(startRedis()).rejects.toThrow(
      'redis-server not found on PATH (QFZZ_TEST_SERVERS=binaries): install it with `apt-get install -y redis-server`',
    );
    delete process.env['QFZZ_TEST_SERVERS'];
    if (!(await containerRuntimeAvailable())) {
      await expect(startNats()).rejects.toThrow(
        'nats-server not found and no container runtime: install it with `apt-get install -y nats-server` (or start Docker)',
      );
    }
  });

  it('QFZZ_TEST_SERVERS=containers fails loudly without a container runtime', async () => {
    delete process.env['QFZZ_TEST_SERVERS'];
    if (await containerRuntimeAvailable()) return;
    process.env['QFZZ_TEST_SERVERS'] = 'containers';
    await expect(startNats()).rejects.toThrow(
      /QFZZ_TEST_SERVERS=containers but no container runtime answered/,
    );
  });
});
