import { startNats, type RunningNats } from './natsServer';
import { startRedis, type RunningRedis } from './redisServer';

jest.setTimeout(30_000);

describe('servers started at the same time', () => {
  const running: Array<RunningNats | RunningRedis> = [];

  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
  });

  it('get different ports', async () => {
    const started = await Promise.all([startNats(), startNats(), startRedis(), startRedis()]);
    running.push(...started);
    const urls = started.map((s) => s.url);
    const ports = urls.map((u) => new URL(u).port);
    expect(new Set(ports).size).toBe(4);
  });
});
