import { countsAsTrustInteraction, trustScoreFor, type TrustScore } from '@qfzz/domain';

/** What the trust network keeps of a listener: enough for trust and "friends love this", nothing more. */
export interface ListenerActivity {
  listenerId: string;
  name?: string;
  registered: boolean;
  /** Asked to be forgotten, and has not registered again since. */
  forgotten: boolean;
  interactionCount: number;
  /** Latest likes and favorites, newest last, at most `RECENT_LOVES_LIMIT`. */
  recentLoves: { trackId: string; kind: 'like' | 'favorite'; at: string }[];
}

/** "Lately": a listener's last this many likes and favorites. */
export const RECENT_LOVES_LIMIT = 50;

export function newListenerActivity(listenerId: string): ListenerActivity {
  return { listenerId, registered: false, forgotten: false, interactionCount: 0, recentLoves: [] };
}

export function trustOf(activity: ListenerActivity): TrustScore {
  return trustScoreFor(activity.interactionCount);
}

interface ActivityEvent {
  type: string;
  data: unknown;
  metadata?: { occurredAt?: string; recordedAt?: string };
}

const trackIdOf = (data: unknown): string | undefined => {
  const trackId = (data as { track?: { trackId?: unknown } } | null)?.track?.trackId;
  return typeof trackId === 'string' ? trackId : undefined;
};

/**
 * Folds one listener-stream event in place. `ListenerForgotten` wipes
 * everything the network knew; events it cannot read (sealed or shredded
 * data) still count toward trust by their type but share no track.
 */
export function evolveListenerActivity(activity: ListenerActivity, event: ActivityEvent): void {
  if (countsAsTrustInteraction(event.type)) activity.interactionCount++;
  switch (event.type) {
    case 'ListenerRegistered': {
      activity.registered = true;
      activity.forgotten = false;
      const name = (event.data as { name?: unknown } | null)?.name;
      if (typeof name === 'string') activity.name = name;
      return;
    }
    case 'TrackLiked':
    case 'TrackFavorited': {
      const trackId = trackIdOf(event.data);
      if (trackId === undefined) return;
      activity.recentLoves.push({
        trackId,
        kind: event.type === 'TrackLiked' ? 'like' : 'favorite',
        at: event.metadata?.occurredAt ?? event.metadata?.recordedAt ?? '',
      });
      if (activity.recentLoves.length > RECENT_LOVES_LIMIT) activity.recentLoves.shift();
      return;
    }
    case 'ListenerForgotten':
      activity.forgotten = true;
      activity.interactionCount = 0;
      activity.recentLoves = [];
      delete activity.name;
      return;
    default:
      return;
  }
}
