import type { CommunityView } from '@qfzz/contracts';

export type { CommunityView };

/** Where a pair of listeners stands. */
export type ConnectionStatus = 'none' | 'pending' | 'connected';

/**
 * What a community write (request, accept, decline) answers with its 202:
 * who, what happened, where the pair stands now, and the log position when
 * something was written.
 */
export interface CommunityChange {
  /** The listener who acted. */
  listenerId: string;
  /** The other listener. */
  friendId: string;
  /** e.g. `requested`, `accepted`, `declined`; nothing written when the same request is already pending. */
  outcome: string;
  /** Where the pair stands after the call. */
  status: ConnectionStatus;
  /** Log position of what was written; absent when nothing was. */
  position?: number;
}
