import { CommunityCommandError } from './communityCommandError';
import { foldConnection, NO_CONNECTION, type ConnectionState } from './connectionState';
import { decideCommunity, type CommunityCommand } from './decideCommunity';

const pending: ConnectionState = { status: 'pending', from: 'ann', to: 'bob', since: 't1' };
const connected: ConnectionState = { status: 'connected', from: 'ann', to: 'bob', since: 't2' };

const refusal = (state: ConnectionState, command: CommunityCommand) => {
  try {
    decideCommunity(state, command);
  } catch (error) {
    return (error as CommunityCommandError).code;
  }
  return 'no error';
};

describe('deciding community commands (given a pair state, when a command, then events)', () => {
  it('given no connection, a request writes CommunityRequested from the asker to the asked', () => {
    expect(decideCommunity(NO_CONNECTION, { kind: 'request', from: 'ann', to: 'bob' })).toEqual({
      outcome: 'requested',
      events: [{ type: 'CommunityRequested', data: { from: 'ann', to: 'bob' } }],
    });
  });

  it('given a pending request, asking again is idempotent: nothing is written', () => {
    expect(decideCommunity(pending, { kind: 'request', from: 'ann', to: 'bob' })).toEqual({
      outcome: 'already-requested',
      events: [],
    });
  });

  it('given a pending request, a request back is an acceptance', () => {
    expect(decideCommunity(pending, { kind: 'request', from: 'bob', to: 'ann' })).toEqual({
      outcome: 'accepted',
      events: [{ type: 'CommunityAccepted', data: { from: 'ann', to: 'bob' } }],
    });
  });

  it('only the one asked can accept or decline', () => {
    expect(decideCommunity(pending, { kind: 'accept', by: 'bob', requester: 'ann' }).events).toEqual([
      { type: 'CommunityAccepted', data: { from: 'ann', to: 'bob' } },
    ]);
    expect(refusal(pending, { kind: 'accept', by: 'ann', requester: 'bob' })).toBe(
      'CANNOT_ACCEPT_OWN_REQUEST',
    );
    expect(decideCommunity(pending, { kind: 'decline', by: 'bob', requester: 'ann' }).events).toEqual([
      { type: 'CommunityDeclined', data: { from: 'ann', to: 'bob' } },
    ]);
    expect(refusal(pending, { kind: 'decline', by: 'ann', requester: 'bob' })).toBe('NO_PENDING_REQUEST');
  });

  it('accepting or declining a request that does not exist is a clear error', () => {
    expect(refusal(NO_CONNECTION, { kind: 'accept', by: 'bob', requester: 'ann' })).toBe(
      'NO_PENDING_REQUEST',
    );
    expect(refusal(NO_CONNECTION, { kind: 'decline', by: 'bob', requester: 'ann' })).toBe(
      'NO_PENDING_REQUEST',
    );
    expect(() => decideCommunity(NO_CONNECTION, { kind: 'accept', by: 'bob', requester: 'ann' })).toThrow(
      'there is no pending request from ann to bob',
    );
  });

  it('either side can remove a connection or a pending request; removing nothing is an error', () => {
    for (const state of [pending, connected]) {
      for (const [by, other] of [
        ['ann', 'bob'],
        ['bob', 'ann'],
      ]) {
        expect(decideCommunity(state, { kind: 'remove', by, other }).events).toEqual([
          { type: 'CommunityRemoved', data: { by, other } },
        ]);
      }
    }
    expect(refusal(NO_CONNECTION, { kind: 'remove', by: 'ann', other: 'bob' })).toBe('NOT_CONNECTED');
  });

  it('given a connection, requesting or accepting again writes nothing', () => {
    expect(decideCommunity(connected, { kind: 'request', from: 'bob', to: 'ann' }).outcome).toBe(
      'already-connected',
    );
    expect(decideCommunity(connected, { kind: 'accept', by: 'bob', requester: 'ann' }).events).toEqual([]);
  });

  it('refuses a connection to oneself', () => {
    expect(refusal(NO_CONNECTION, { kind: 'request', from: 'ann', to: 'ann' })).toBe('SELF_CONNECTION');
  });

  it('folds a pair through its life: requested, declined, requested again, accepted, removed', () => {
    const e = (type: string, data: object, occurredAt: string) => ({ type, data, metadata: { occurredAt } });
    const life = [
      e('CommunityRequested', { from: 'ann', to: 'bob' }, 't1'),
      e('CommunityDeclined', { from: 'ann', to: 'bob' }, 't2'),
      e('CommunityRequested', { from: 'bob', to: 'ann' }, 't3'),
      e('CommunityAccepted', { from: 'bob', to: 'ann' }, 't4'),
    ];
    expect(foldConnection(life.slice(0, 2))).toEqual(NO_CONNECTION);
    expect(foldConnection(life)).toEqual({ status: 'connected', from: 'bob', to: 'ann', since: 't4' });
    expect(foldConnection([...life, e('CommunityRemoved', { by: 'ann', other: 'bob' }, 't5')])).toEqual(
      NO_CONNECTION,
    );
  });

  it('never connects without an accept, whatever order the events come in', () => {
    const accepted = { type: 'CommunityAccepted', data: { from: 'ann', to: 'bob' } };
    expect(foldConnection([accepted])).toEqual(NO_CONNECTION);
  });
});
