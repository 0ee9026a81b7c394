export * from './hotCache';
export * from './versionedWrite';
export * from './redis/redisHotCache';
export * from './redis/scanPattern';
export * from './redis/setIfNewerScript';
export * from './lru/lruHotCache';
export * from './lru/entrySize';
