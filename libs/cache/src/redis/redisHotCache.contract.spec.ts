import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startRedis, type RunningRedis } from '@qfzz/testing';
import { describeHotCacheContract } from '../contract/hotCache.contract';
import { RedisHotCache } from './redisHotCache';

jest.setTimeout(30_000);

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

describeHotCacheContract('Redis', async () => {
  // One server, a fresh namespace per test: an empty cache without FLUSHALL.
  const cache = new RedisHotCache({
    url: redis.url,
    namespace: `contract:${randomUUID()}:`,
    // Generous: a slow CI machine must not turn a read into a miss here.
    getTimeoutMs: 10_000,
    onError: (error, context) => {
      throw new Error(`unexpected ${context.operation} error: ${error.message}`);
    },
  });
  return { cache, elapse: async (ms) => void (await sleep(ms)) };
});
