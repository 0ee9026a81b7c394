import Redis from 'ioredis';
import { startRedis } from '/work/main/libs/testing/src/redisServer';
jest.setTimeout(30000);
it('a', async () => {
  const s = await startRedis();
  const r = new Redis(s.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  await r.connect(); await r.ping(); await r.quit();
  await s.stop();
  if (process.env.LATE) { const late = new Redis(s.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  late.on('error', () => undefined);
  await expect(late.connect()).rejects.toThrow(); late.disconnect(); }
});
