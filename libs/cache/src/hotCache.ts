/**
 * A cache for hot read models (profiles, playlists). Values are versioned:
 * a write never replaces a newer version with an older one, so replicas that
 * finish out of order cannot put a stale profile back.
 *
 * The cache is never the source of truth: a miss means "ask the read model".
 * Values travel as JSON in every adapter, so what comes back is what
 * `JSON.parse(JSON.stringify(value))` gives (a `Date` comes back as a string).
 */
export interface HotCache {
  /** undefined when absent or expired. */
  get<T>(key: string): Promise<Versioned<T> | undefined>;
  /**
   * Stores when `version` is newer than what is there; returns whether it stored.
   * `ttlSeconds` (> 0) bounds how long the entry lives; without it the entry
   * lives until deleted or evicted, even if the version it replaces had a TTL.
   */
  setIfNewer<T>(key: string, value: Versioned<T>, ttlSeconds?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Deletes every key with this prefix (e.g. a forgotten listener's playlists). */
  deleteByPrefix(prefix: string): Promise<number>;
  close(): Promise<void>;
}

export interface Versioned<T> {
  version: number;
  value: T;
}
