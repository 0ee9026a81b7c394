import type { WriteContext } from '../http/requestContext';

/** Where two listeners stand after a community command. */
export interface CommunityCommandOutcome {
  /** e.g. `requested`, `accepted`, `already-requested`, `already-connected`, `declined`, `removed`. */
  outcome: string;
  state: { status: 'none' | 'pending' | 'connected'; from?: string; to?: string };
  /** Log position of what was written; absent when nothing was. */
  position?: number;
}

/**
 * The port behind the community routes: the trust network's consent rules
 * (`CommunityCommands` of `@qfzz/trust-network` fits). Refusals are errors
 * with a string `code` (`SELF_CONNECTION`, `LISTENER_NOT_FOUND`,
 * `NO_PENDING_REQUEST`, `CANNOT_ACCEPT_OWN_REQUEST`, `NOT_CONNECTED`,
 * `INVALID_LISTENER_ID`), which the gateway turns into 4xx answers.
 */
export interface CommunityWriter {
  request(from: string, to: string, write: WriteContext): Promise<CommunityCommandOutcome>;
  accept(by: string, requester: string, write: WriteContext): Promise<CommunityCommandOutcome>;
  decline(by: string, requester: string, write: WriteContext): Promise<CommunityCommandOutcome>;
  remove(by: string, other: string, write: WriteContext): Promise<CommunityCommandOutcome>;
}
