import type { TrackSnapshot } from '@qfzz/domain';
import { DEFAULT_CONTEXT_LIMITS, type SessionContext } from '@qfzz/nlu';

export interface SessionContextsOptions {
  /** At most this many listeners' contexts in memory; the least recently used goes first. Default 10,000. */
  maxListeners?: number;
  /** A context idle this long is dropped (default: nlu's 30 minutes). */
  idleMs?: number;
}

/**
 * What the DJ keeps about a listener between messages: the conversation
 * context, the stream version it reflects (so what was written elsewhere can
 * be caught up), and two facts from the stream the profile view lacks.
 */
export interface RememberedSession {
  context: SessionContext;
  streamVersion: number;
  /** Events after `streamVersion` this replica wrote itself and already folded in. */
  ownEventIds?: readonly string[];
  djId?: string;
  lastPlayed?: TrackSnapshot;
}

/**
 * Per-listener conversation context in memory: an LRU bounded in listeners
 * and in idle time. It is a cache, not a record: the log holds every message,
 * so a restarted (or another) replica rebuilds a context from the listener's
 * latest messages (`recallSession`).
 */
export class SessionContexts {
  private readonly entries = new Map<string, { session: RememberedSession; touchedAt: number }>();
  readonly maxListeners: number;
  readonly idleMs: number;

  constructor(options: SessionContextsOptions = {}) {
    this.maxListeners = options.maxListeners ?? 10_000;
    this.idleMs = options.idleMs ?? DEFAULT_CONTEXT_LIMITS.expiresAfterMs;
    if (!(this.maxListeners >= 1)) throw new RangeError('maxListeners must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(listenerId: string, now: number): RememberedSession | undefined {
    const entry = this.entries.get(listenerId);
    if (!entry) return undefined;
    this.entries.delete(listenerId);
    if (now - entry.touchedAt > this.idleMs) return undefined;
    this.entries.set(listenerId, entry);
    return entry.session;
  }

  set(listenerId: string, session: RememberedSession, now: number): void {
    this.entries.delete(listenerId);
    this.entries.set(listenerId, { session, touchedAt: now });
    this.evict(now);
  }

  forget(listenerId: string): void {
    this.entries.delete(listenerId);
  }

  private evict(now: number): void {
    for (const [listenerId, entry] of this.entries) {
      if (this.entries.size <= this.maxListeners && now - entry.touchedAt <= this.idleMs) break;
      this.entries.delete(listenerId);
    }
  }
}
