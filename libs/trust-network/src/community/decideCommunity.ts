import type { CommunityPairData, CommunityRemovedData } from '@qfzz/domain';
import { CommunityCommandError } from './communityCommandError';
import type { ConnectionState } from './connectionState';

export type CommunityCommand =
  /** `from` asks `to` to connect. */
  | { kind: 'request'; from: string; to: string }
  /** `by` accepts the request `requester` sent them. */
  | { kind: 'accept'; by: string; requester: string }
  /** `by` declines the request `requester` sent them. */
  | { kind: 'decline'; by: string; requester: string }
  /** `by` ends the connection (or withdraws / turns down a pending request) with `other`. */
  | { kind: 'remove'; by: string; other: string };

export type CommunityDecisionEvent =
  | { type: 'CommunityRequested' | 'CommunityAccepted' | 'CommunityDeclined'; data: CommunityPairData }
  | { type: 'CommunityRemoved'; data: CommunityRemovedData };

export type CommunityOutcome =
  | 'requested'
  | 'accepted'
  | 'declined'
  | 'removed'
  /** Nothing to write: the same request is already pending. */
  | 'already-requested'
  /** Nothing to write: the two are connected already. */
  | 'already-connected';

export interface CommunityDecision {
  outcome: CommunityOutcome;
  events: CommunityDecisionEvent[];
}

const nothing = (outcome: CommunityOutcome): CommunityDecision => ({ outcome, events: [] });

/**
 * Pure: what a command writes, given where the pair stands. Consent rules:
 * a request stays pending until the one asked accepts; either side may end a
 * pending request or a connection at any time; repeating a request is a
 * no-op; a request answered by a request the other way is an acceptance.
 */
export function decideCommunity(state: ConnectionState, command: CommunityCommand): CommunityDecision {
  const [a, b] =
    command.kind === 'request'
      ? [command.from, command.to]
      : command.kind === 'remove'
        ? [command.by, command.other]
        : [command.by, command.requester];
  if (a === b) throw new CommunityCommandError('SELF_CONNECTION', 'a listener cannot connect to themselves');

  switch (command.kind) {
    case 'request': {
      if (state.status === 'connected') return nothing('already-connected');
      if (state.status === 'pending') {
        if (state.from === command.from) return nothing('already-requested');
        // They asked us first: asking back is saying yes.
        return {
          outcome: 'accepted',
          events: [{ type: 'CommunityAccepted', data: { from: state.from, to: state.to } }],
        };
      }
      return {
        outcome: 'requested',
        events: [{ type: 'CommunityRequested', data: { from: command.from, to: command.to } }],
      };
    }
    case 'accept': {
      if (state.status === 'connected') return nothing('already-connected');
      if (state.status === 'pending' && state.from === command.by && state.to === command.requester) {
        throw new CommunityCommandError(
          'CANNOT_ACCEPT_OWN_REQUEST',
          `${command.by} asked ${command.requester}; only ${command.requester} can accept`,
        );
      }
      if (state.status !== 'pending' || state.from !== command.requester || state.to !== command.by) {
        throw new CommunityCommandError(
          'NO_PENDING_REQUEST',
          `there is no pending request from ${command.requester} to ${command.by}`,
        );
      }
      return {
        outcome: 'accepted',
        events: [{ type: 'CommunityAccepted', data: { from: state.from, to: state.to } }],
      };
    }
    case 'decline': {
      if (state.status !== 'pending' || state.from !== command.requester || state.to !== command.by) {
        throw new CommunityCommandError(
          'NO_PENDING_REQUEST',
          `there is no pending request from ${command.requester} to ${command.by}`,
        );
      }
      return {
        outcome: 'declined',
        events: [{ type: 'CommunityDeclined', data: { from: state.from, to: state.to } }],
      };
    }
    case 'remove': {
      if (state.status === 'none') {
        throw new CommunityCommandError(
          'NOT_CONNECTED',
          `${command.by} and ${command.other} are neither connected nor is a request pending`,
        );
      }
      return {
        outcome: 'removed',
        events: [{ type: 'CommunityRemoved', data: { by: command.by, other: command.other } }],
      };
    }
  }
}
