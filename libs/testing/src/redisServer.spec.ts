import Redis from 'ioredis';
import { startRedis, type RunningRedis } from './redisServer';

jest.setTimeout(30_000);

function client(url: string): Redis {
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
}

describe('startRedis', () => {
  let redis: RunningRedis;

  beforeAll(async () => {
    redis = await startRedis();
    console.log(`Redis at ${redis.url} (${redis.how})`);
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('serves SET and GET on a redis://127.0.0.1:PORT url', async () => {
    expect(redis.url).toMatch(/^redis:\/\/[^:]+:\d+$/);
    const r = client(redis.url);
    await r.connect();
    await r.set('greeting', 'hello');
    expect(await r.get('greeting')).toBe('hello');
    await r.quit();
  });

  it('restart() brings it back on the same URL', async () => {
    const urlBefore = redis.url;
    await redis.restart();
    expect(redis.url).toBe(urlBefore);
    const r = client(redis.url);
    await r.connect();
    expect(await r.ping()).toBe('PONG');
    await r.set('after', 'restart');
    expect(await r.get('after')).toBe('restart');
    await r.quit();
  });

  it('stop() really stops: connecting afterwards fails', async () => {
    const other = await startRedis();
    const r = client(other.url);
    await r.connect();
    expect(await r.ping()).toBe('PONG');
    await r.quit();
    await other.stop();
    const late = client(other.url);
    late.on('error', () => undefined);
    await expect(late.connect()).rejects.toThrow();
    late.disconnect();
  });
});
