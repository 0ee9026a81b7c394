import type { HotCache, Versioned } from '../hotCache';
import { prepareWrite } from '../versionedWrite';
import { estimateEntryBytes } from './entrySize';

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export interface LruHotCacheOptions {
  /** Memory budget for keys and values, estimated by `estimateEntryBytes`. Default 32 MiB. */
  maxBytes?: number;
  /** Milliseconds since the epoch; inject a fake clock to test TTLs without sleeping. */
  now?: () => number;
}

export interface LruHotCacheStats {
  /** Entries held, including expired ones not yet noticed. */
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  /** Entries dropped to stay within the budget (not expiries or deletes). */
  evictions: number;
}

interface Entry {
  version: number;
  /** Kept as JSON, not the object: callers cannot mutate what is cached, and values round-trip exactly as through Redis. */
  json: string;
  bytes: number;
  /** Infinity when the entry has no TTL. */
  expiresAt: number;
}

/**
 * The edge-mode `HotCache`: in-process, least-recently-used first out when
 * the memory budget is exceeded. A `Map` iterates in insertion order, so
 * deleting and re-inserting a key on every hit keeps the least recently used
 * entry first — no linked list needed.
 *
 * Expired entries are dropped when touched (get, setIfNewer, deleteByPrefix)
 * or when eviction reaches them, not by a timer: nothing runs in the background.
 */
export class LruHotCache implements HotCache {
  readonly maxBytes: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(options: LruHotCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (!(Number.isFinite(this.maxBytes) && this.maxBytes > 0)) {
      throw new RangeError(`maxBytes must be a positive number, got ${String(options.maxBytes)}`);
    }
    this.now = options.now ?? Date.now;
  }

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const entry = this.live(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { version: entry.version, value: JSON.parse(entry.json) as T };
  }

  async setIfNewer<T>(key: string, value: Versioned<T>, ttlSeconds?: number): Promise<boolean> {
    const write = prepareWrite(key, value, ttlSeconds);
    const current = this.live(key);
    if (current && current.version >= write.version) return false;
    // The older version goes either way: if the newer one cannot be kept,
    // leaving the old one would serve a value known to be stale.
    if (current) this.remove(key, current);
    const bytes = estimateEntryBytes(key, write.json);
    if (bytes > this.maxBytes) return false;
    const expiresAt = write.ttlMs === undefined ? Infinity : this.now() + write.ttlMs;
    this.entries.set(key, { version: write.version, json: write.json, bytes, expiresAt });
    this.bytes += bytes;
    this.evictOverBudget();
    return true;
  }

  async delete(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    const now = this.now();
    let removed = 0;
    // Deleting the current key while iterating a Map is safe in JS.
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(prefix)) continue;
      // Expired entries are removed too, but not counted: Redis would not count them either.
      if (entry.expiresAt > now) removed++;
      this.remove(key, entry);
    }
    return removed;
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): LruHotCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    };
  }

  /** The entry for `key` unless it has expired (then it is dropped). */
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry;
    this.remove(key, entry);
    return undefined;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private evictOverBudget(): void {
    // The newest entry alone fits (checked before insert), so this stops before reaching it.
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(key, entry);
      this.evictions++;
    }
  }
}
