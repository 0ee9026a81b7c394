import type { Versioned } from './hotCache';

/** What both adapters store for one `setIfNewer`, checked the same way in each. */
export interface VersionedWrite {
  version: number;
  json: string;
  /** undefined = no expiry. */
  ttlMs: number | undefined;
}

/**
 * Validates a write before it reaches any store, so both adapters reject the
 * same inputs with the same errors (a test passing in edge mode and failing
 * in cluster mode is an adapter bug).
 */
export function prepareWrite<T>(key: string, entry: Versioned<T>, ttlSeconds?: number): VersionedWrite {
  if (typeof key !== 'string') throw new TypeError(`cache key must be a string, got ${typeof key}`);
  const { version } = entry;
  // NaN would compare false both ways and let every write through.
  if (typeof version !== 'number' || !Number.isFinite(version)) {
    throw new RangeError(`cache version for "${key}" must be a finite number, got ${String(version)}`);
  }
  const json = JSON.stringify(entry.value);
  // JSON.stringify(undefined) (or a function) gives undefined: nothing could be read back.
  if (json === undefined) throw new TypeError(`cache value for "${key}" is not JSON-serialisable`);
  if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds > 0)) {
    throw new RangeError(`ttlSeconds for "${key}" must be a positive number, got ${String(ttlSeconds)}`);
  }
  // Milliseconds keep fractional TTLs meaningful; at least 1 ms so a tiny TTL still expires.
  const ttlMs = ttlSeconds === undefined ? undefined : Math.max(1, Math.ceil(ttlSeconds * 1000));
  return { version, json, ttlMs };
}
