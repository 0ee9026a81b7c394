import { describeHotCacheContract } from '../contract/hotCache.contract';
import { LruHotCache } from './lruHotCache';

describeHotCacheContract('in-process LRU', async () => {
  // A fake clock: TTL tests step it instead of sleeping.
  let now = 1_700_000_000_000;
  const cache = new LruHotCache({ maxBytes: 4 * 1024 * 1024, now: () => now });
  return {
    cache,
    elapse: async (ms) => {
      now += ms;
    },
  };
});
