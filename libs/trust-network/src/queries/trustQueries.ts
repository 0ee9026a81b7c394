import type {
  ChainCheck,
  CommunityView,
  SocialSignal,
  SocialSignalRequest,
  TrustView,
} from '@qfzz/contracts';
import {
  communityTrust,
  isValidId,
  listenerStreamId,
  trustLevelOf,
  verifyChain,
  type RecordedEvent,
} from '@qfzz/domain';
import type { CommunityGraph } from '../graph/communityGraph';
import { trustOf, type ListenerActivity } from '../graph/listenerActivity';

export class UnknownListenerError extends Error {
  override readonly name = 'UnknownListenerError';
  readonly code = 'LISTENER_NOT_FOUND';
  constructor(listenerId: string) {
    super(`listener ${listenerId} does not exist`);
  }
}

/**
 * Where `verify` reads a listener's stream **as stored**: the hash chain is
 * over the stored bytes (ciphertext, when personal data is sealed), so a
 * decrypting reader would not verify. A plain `EventStore` fits.
 */
export interface ChainSource {
  readStream(streamId: string): Promise<RecordedEvent[]>;
}

export const DEFAULT_LOVING_LIMIT = 20;
export const DEFAULT_SOCIAL_SIGNAL_LIMIT = 50;

const settle = (score: number) => Math.round(score * 1e6) / 1e6;

/**
 * The answers of the trust network. Everything is seen from one listener's
 * side: their own trust, their own ties, and what their connections chose to
 * show (likes and favorites, as counts). Nothing about anyone else.
 */
export class TrustQueries {
  constructor(
    private readonly graph: CommunityGraph,
    private readonly chainSource: ChainSource,
  ) {}

  /**
   * Resolves once the graph has applied the log up to `position`, or after
   * `timeoutMs` (the position may belong to an event this service never
   * sees, e.g. a catalog import): read-your-writes across processes.
   */
  async caughtUpTo(position: number | undefined, timeoutMs = 3000): Promise<void> {
    if (!position) return;
    const deadline = Date.now() + timeoutMs;
    while (this.graph.position < position && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  trust(listenerId: string): TrustView {
    const own = trustOf(this.requireListener(listenerId));
    const connected = this.connectedActivities(listenerId).map(trustOf);
    return {
      trustScore: own,
      trustLevel: trustLevelOf(own),
      communityTrust: settle(communityTrust(own, connected)),
    };
  }

  community(listenerId: string, lovingLimit = DEFAULT_LOVING_LIMIT): CommunityView {
    this.requireListener(listenerId);
    const connections: CommunityView['connections'] = [];
    const pending: CommunityView['pending'] = [];
    for (const tie of this.graph.tiesOf(listenerId)) {
      const other = this.graph.activityOf(tie.listenerId);
      if (other?.forgotten) continue;
      if (tie.status === 'connected') {
        connections.push({
          listenerId: tie.listenerId,
          ...(other?.name === undefined ? {} : { name: other.name }),
          since: tie.since,
        });
      } else {
        pending.push({
          listenerId: tie.listenerId,
          direction: tie.direction ?? 'incoming',
          since: tie.since,
        });
      }
    }
    const loving = this.friendsPerTrack(listenerId)
      .map(({ trackId, friends }) => ({ trackId, friends: friends.length }))
      .sort((a, b) => b.friends - a.friends || a.trackId.localeCompare(b.trackId))
      .slice(0, lovingLimit);
    return { connections, pending, loving };
  }

  socialSignal({ listenerId, limit = DEFAULT_SOCIAL_SIGNAL_LIMIT }: SocialSignalRequest): SocialSignal {
    this.requireListener(listenerId);
    const tracks = this.friendsPerTrack(listenerId)
      .map(({ trackId, friends }) => ({
        trackId,
        weight: settle(friends.reduce((sum, friend) => sum + trustOf(friend), 0)),
        friends: friends.length,
      }))
      .sort((a, b) => b.weight - a.weight || b.friends - a.friends || a.trackId.localeCompare(b.trackId))
      .slice(0, limit);
    return { tracks };
  }

  /** Walks the listener's stream as stored and names the first event whose link does not hold. */
  async verify(listenerId: string): Promise<ChainCheck> {
    if (!isValidId(listenerId)) throw new UnknownListenerError(String(listenerId));
    const events = await this.chainSource.readStream(listenerStreamId(listenerId));
    if (events.length === 0) throw new UnknownListenerError(listenerId);
    const verdict = verifyChain(events);
    return verdict.ok
      ? { ok: true, events: verdict.events, headHash: verdict.headHash }
      : { ok: false, events: verdict.events, headHash: verdict.headHash, brokenAt: verdict.brokenAt };
  }

  private requireListener(listenerId: string): ListenerActivity {
    const activity = isValidId(listenerId) ? this.graph.activityOf(listenerId) : undefined;
    if (!activity || !activity.registered || activity.forgotten) throw new UnknownListenerError(listenerId);
    return activity as ListenerActivity;
  }

  private connectedActivities(listenerId: string): ListenerActivity[] {
    return this.graph
      .connectionsOf(listenerId)
      .map((id) => this.graph.activityOf(id) as ListenerActivity | undefined)
      .filter((activity): activity is ListenerActivity => !!activity && !activity.forgotten);
  }

  /** Each track the listener's connections loved lately, with those friends (each counted once). */
  private friendsPerTrack(listenerId: string): { trackId: string; friends: ListenerActivity[] }[] {
    const byTrack = new Map<string, ListenerActivity[]>();
    for (const friend of this.connectedActivities(listenerId)) {
      for (const trackId of new Set(friend.recentLoves.map((love) => love.trackId))) {
        const friends = byTrack.get(trackId) ?? [];
        friends.push(friend);
        byTrack.set(trackId, friends);
      }
    }
    return [...byTrack].map(([trackId, friends]) => ({ trackId, friends }));
  }
}
