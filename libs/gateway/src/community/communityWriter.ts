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

/** The consent rules as `CommunityCommands` of `@qfzz/trust-network` offer them. */
export interface CommunityCommandsLike {
  request(from: string, to: string, metadata?: { correlationId?: string }): Promise<CommunityCommandOutcome>;
  accept(
    by: string,
    requester: string,
    metadata?: { correlationId?: string },
  ): Promise<CommunityCommandOutcome>;
  decline(
    by: string,
    requester: string,
    metadata?: { correlationId?: string },
  ): Promise<CommunityCommandOutcome>;
  remove(by: string, other: string, metadata?: { correlationId?: string }): Promise<CommunityCommandOutcome>;
}

/**
 * The community routes' port over the trust network's commands. `settled`
 * runs after every write with the two listeners involved — where a
 * composition root waits for its followers and drops stale playlists.
 */
export function communityWriterOver(
  commands: CommunityCommandsLike,
  settled: (a: string, b: string, outcome: CommunityCommandOutcome) => Promise<void> = async () => undefined,
): CommunityWriter {
  const after = (a: string, b: string) => async (outcome: CommunityCommandOutcome) => {
    await settled(a, b, outcome);
    return outcome;
  };
  const meta = (write: WriteContext) => ({ correlationId: write.correlationId });
  return {
    request: (from, to, write) => commands.request(from, to, meta(write)).then(after(from, to)),
    accept: (by, requester, write) => commands.accept(by, requester, meta(write)).then(after(by, requester)),
    decline: (by, requester, write) =>
      commands.decline(by, requester, meta(write)).then(after(by, requester)),
    remove: (by, other, write) => commands.remove(by, other, meta(write)).then(after(by, other)),
  };
}
