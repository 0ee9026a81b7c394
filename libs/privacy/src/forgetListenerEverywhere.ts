import type { HotCache } from '@qfzz/cache';
import type { EncryptingEventStore, ForgetResult } from './encryptingEventStore';

/** The community edges of a listener, and how to end one (the trust network's commands fit). */
export interface CommunityEdges {
  /** Everyone the listener is connected to or has a pending request with. */
  partnersOf(listenerId: string): string[] | Promise<string[]>;
  remove(by: string, other: string): Promise<unknown>;
}

/** A read model keyed by listener id (the profile read model fits). */
export interface ListenerReadModel {
  delete(listenerId: string): Promise<void>;
}

/** Which cache entries belong to a listener: exact keys, and key prefixes. */
export interface ListenerCacheEntries {
  keys: string[];
  prefixes: string[];
}

/**
 * Per-listener cache keys across qfzz: `<kind>:<listenerId>` or
 * `<kind>:<listenerId>:<more>`. The `:` after the id keeps `ann` from
 * matching `anna`.
 */
export const defaultListenerCacheEntries = (listenerId: string): ListenerCacheEntries => ({
  keys: [`profile:${listenerId}`, `playlist:${listenerId}`, `community:${listenerId}`],
  prefixes: [`profile:${listenerId}:`, `playlist:${listenerId}:`, `listener:${listenerId}:`],
});

export interface ForgetEverywhereDeps {
  store: EncryptingEventStore;
  readModels?: readonly ListenerReadModel[];
  cache?: HotCache;
  cacheEntries?: (listenerId: string) => ListenerCacheEntries;
  community?: CommunityEdges;
  /**
   * Resolves once the listener's own projections have applied the log up to
   * `position` (edge: the followers' `waitFor`). Rows and cache entries are
   * deleted after that, so a follower that is behind cannot write them back.
   */
  settled?: (position: number) => Promise<void>;
}

export interface ForgetEverywhereReport extends ForgetResult {
  connectionsEnded: string[];
  readModelRowsDeleted: number;
  /** Entries found under the listener's cache prefixes (exact keys are deleted too, uncounted). */
  cachePrefixMatches: number;
}

/**
 * `DELETE /v1/listeners/{id}`: shreds the listener's keys (their events stay
 * in the log, sealed and verifiable), ends every connection and pending
 * request they had, deletes their read-model rows and cache entries.
 * Idempotent: running it again finishes whatever a crash interrupted.
 */
export async function forgetListenerEverywhere(
  deps: ForgetEverywhereDeps,
  listenerId: string,
): Promise<ForgetEverywhereReport> {
  const forgotten = await deps.store.forget(listenerId, { actor: listenerId });

  const connectionsEnded: string[] = [];
  for (const other of deps.community ? await deps.community.partnersOf(listenerId) : []) {
    await deps.community?.remove(listenerId, other);
    connectionsEnded.push(other);
  }

  await deps.settled?.(await deps.store.headPosition());

  let readModelRowsDeleted = 0;
  for (const readModel of deps.readModels ?? []) {
    await readModel.delete(listenerId);
    readModelRowsDeleted++;
  }

  let cachePrefixMatches = 0;
  if (deps.cache) {
    const { keys, prefixes } = (deps.cacheEntries ?? defaultListenerCacheEntries)(listenerId);
    for (const key of keys) await deps.cache.delete(key);
    for (const prefix of prefixes) cachePrefixMatches += await deps.cache.deleteByPrefix(prefix);
  }

  return { ...forgotten, connectionsEnded, readModelRowsDeleted, cachePrefixMatches };
}
