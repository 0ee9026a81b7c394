import Redis from 'ioredis';
import { startRedis, type RunningRedis } from './redisServer';
import { tcpExchange } from './waitUntil';

jest.setTimeout(30_000);

function client(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
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
    // A raw TCP connect: a failed ioredis 6 connect keeps the process alive ~2 s afterwards.
    const { hostname, port } = new URL(other.url);
    await expect(tcpExchange(hostname, Number(port))).rejects.toThrow(/ECONNREFUSED/);
  });
});
