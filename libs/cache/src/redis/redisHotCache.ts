import Redis, { type RedisOptions } from 'ioredis';
import type { HotCache, Versioned } from '../hotCache';
import { prepareWrite } from '../versionedWrite';
import { prefixPattern } from './scanPattern';
import { SET_IF_NEWER_COMMAND, SET_IF_NEWER_LUA, type WithSetIfNewer } from './setIfNewerScript';

export const DEFAULT_NAMESPACE = 'qfzz:';
export const DEFAULT_GET_TIMEOUT_MS = 1_000;
export const DEFAULT_SCAN_BATCH_SIZE = 500;

/** Where a reported (not thrown) error came from. */
export interface CacheErrorContext {
  /** `get`: a read failed and was answered as a miss. `connection`: ioredis lost or could not reach Redis. */
  operation: 'get' | 'connection';
  key?: string;
}

export type CacheErrorHandler = (error: Error, context: CacheErrorContext) => void;

export interface RedisHotCacheOptions {
  /** `redis://host:port[/db]` */
  url: string;
  /** Prepended to every key, so several deployments (or tests) can share one Redis. Default `qfzz:`. */
  namespace?: string;
  /**
   * Told about failures that do not throw: failed reads (answered as misses)
   * and connection errors. Default: `console.warn`.
   */
  onError?: CacheErrorHandler;
  /**
   * A read slower than this is reported and answered as a miss. While Redis is
   * down ioredis queues commands until it reconnects; a cache read should fall
   * back to the read model instead of waiting that long. Default 1000 ms.
   */
  getTimeoutMs?: number;
  /** SCAN COUNT hint and UNLINK batch size for `deleteByPrefix`. Default 500. */
  scanBatchSize?: number;
  /** Passed to ioredis (retryStrategy, maxRetriesPerRequest, tls, ...). Its defaults reconnect forever with backoff. */
  redis?: RedisOptions;
}

const warn: CacheErrorHandler = (error, { operation, key }) =>
  console.warn(
    `[qfzz/cache] redis ${operation}${key === undefined ? '' : ` "${key}"`} failed: ${error.message}`,
  );

/**
 * The cluster-mode `HotCache` over Redis.
 *
 * Writes (`setIfNewer`, `delete`, `deleteByPrefix`) reject when Redis fails:
 * a caller that thinks it invalidated a forgotten listener's playlists must
 * know when it did not. Reads never reject: a failed or slow `get` is
 * reported through `onError` and answered as a miss, because the read model
 * behind the cache can always answer.
 */
export class RedisHotCache implements HotCache {
  /** The ioredis client, for health checks and tests. */
  readonly redis: Redis;
  readonly namespace: string;
  private readonly onError: CacheErrorHandler;
  private readonly getTimeoutMs: number;
  private readonly scanBatchSize: number;

  constructor(options: RedisHotCacheOptions) {
    this.namespace = options.namespace ?? DEFAULT_NAMESPACE;
    this.onError = options.onError ?? warn;
    this.getTimeoutMs = options.getTimeoutMs ?? DEFAULT_GET_TIMEOUT_MS;
    this.scanBatchSize = options.scanBatchSize ?? DEFAULT_SCAN_BATCH_SIZE;
    this.redis = new Redis(options.url, options.redis ?? {});
    // Without a listener ioredis prints "Unhandled error event" on every failed reconnect attempt.
    this.redis.on('error', (error: Error) => this.report(error, { operation: 'connection' }));
    // The script is sent with EVAL once per connection, then EVALSHA; after a
    // Redis restart (empty script cache) ioredis sends EVAL again by itself.
    this.redis.defineCommand(SET_IF_NEWER_COMMAND, { lua: SET_IF_NEWER_LUA, numberOfKeys: 1 });
  }

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    try {
      const [version, json] = await this.withTimeout(this.redis.hmget(this.namespace + key, 'v', 'j'), key);
      if (version === null && json === null) return undefined;
      if (version === null || json === null) throw new Error(`cache entry "${key}" is incomplete`);
      return { version: Number(version), value: JSON.parse(json) as T };
    } catch (error) {
      this.report(error as Error, { operation: 'get', key });
      return undefined;
    }
  }

  async setIfNewer<T>(key: string, value: Versioned<T>, ttlSeconds?: number): Promise<boolean> {
    const write = prepareWrite(key, value, ttlSeconds);
    const stored = await (this.redis as unknown as WithSetIfNewer)[SET_IF_NEWER_COMMAND](
      this.namespace + key,
      String(write.version),
      write.json,
      String(write.ttlMs ?? 0),
    );
    return stored === 1;
  }

  async delete(key: string): Promise<void> {
    await this.redis.unlink(this.namespace + key);
  }

  /**
   * SCAN + UNLINK in batches: KEYS would block Redis for every client while it
   * walks the whole keyspace, and UNLINK frees large values off the main thread.
   * Keys written under the prefix while the scan runs may survive it.
   */
  async deleteByPrefix(prefix: string): Promise<number> {
    const pattern = prefixPattern(this.namespace + prefix);
    let cursor = '0';
    let removed = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', this.scanBatchSize);
      cursor = next;
      // COUNT is only a hint: cap each UNLINK at the batch size anyway.
      for (let i = 0; i < keys.length; i += this.scanBatchSize) {
        // SCAN may return a key twice; UNLINK counts only keys it removed, so the total stays exact.
        removed += await this.redis.unlink(...keys.slice(i, i + this.scanBatchSize));
      }
    } while (cursor !== '0');
    return removed;
  }

  /** QUIT lets pending replies arrive; if Redis is unreachable there is nothing to wait for. */
  async close(): Promise<void> {
    if (this.redis.status === 'end') return;
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private withTimeout<R>(command: Promise<R>, key: string): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`redis get "${key}" took longer than ${this.getTimeoutMs} ms`)),
        this.getTimeoutMs,
      );
    });
    // The command may still settle after the timeout; its late result (or error) is dropped.
    command.catch(() => undefined);
    return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
  }

  private report(error: Error, context: CacheErrorContext): void {
    try {
      this.onError(error, context);
    } catch {
      // A throwing reporter must not turn a cache miss into a failed request.
    }
  }
}
