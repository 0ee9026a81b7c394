import {
  connectionStreamId,
  isValidId,
  listenerStreamId,
  newQfzzEvent,
  type EventMetadata,
} from '@qfzz/domain';
import { isExpectedVersionConflict, NO_STREAM, type EventStore } from '@qfzz/event-store';
import { CommunityCommandError } from './communityCommandError';
import { foldConnection, type ConnectionState } from './connectionState';
import { decideCommunity, type CommunityCommand, type CommunityOutcome } from './decideCommunity';

export interface CommunityCommandResult {
  outcome: CommunityOutcome;
  streamId: string;
  /** Where the pair stands after the command. */
  state: ConnectionState;
  /** The connection stream's version after the command. */
  version: number;
  /** Log position of what was written; undefined when nothing was. */
  position?: number;
}

export interface CommunityCommandsOptions {
  /** Whether a listener may be asked; default: their listener stream has events. */
  listenerExists?: (listenerId: string) => Promise<boolean>;
  /** Attempts when another writer moved the connection stream meanwhile. Default 5. */
  maxAttempts?: number;
}

export type CommandMetadata = Partial<Omit<EventMetadata, 'recordedAt' | 'actor'>>;

/**
 * Decides and appends community events: reads the pair's connection stream,
 * folds it, lets the pure decider choose, and appends with the version it
 * read as the expected version (a racing writer makes it read and decide again).
 */
export class CommunityCommands {
  constructor(
    private readonly store: EventStore,
    private readonly options: CommunityCommandsOptions = {},
  ) {}

  /** `from` asks `to` to connect; pending until `to` accepts. */
  async request(from: string, to: string, metadata?: CommandMetadata): Promise<CommunityCommandResult> {
    const command: CommunityCommand = { kind: 'request', from, to };
    this.assertIds(from, to);
    await this.assertListener(from);
    await this.assertListener(to);
    return this.run(from, to, command, from, metadata);
  }

  /** `by` accepts the request `requester` sent them. */
  accept(by: string, requester: string, metadata?: CommandMetadata): Promise<CommunityCommandResult> {
    this.assertIds(by, requester);
    return this.run(by, requester, { kind: 'accept', by, requester }, by, metadata);
  }

  /** `by` declines the request `requester` sent them. */
  decline(by: string, requester: string, metadata?: CommandMetadata): Promise<CommunityCommandResult> {
    this.assertIds(by, requester);
    return this.run(by, requester, { kind: 'decline', by, requester }, by, metadata);
  }

  /** Either side ends a connection, or a pending request, at any time. */
  remove(by: string, other: string, metadata?: CommandMetadata): Promise<CommunityCommandResult> {
    this.assertIds(by, other);
    return this.run(by, other, { kind: 'remove', by, other }, by, metadata);
  }

  /** Where two listeners stand, read from their connection stream. */
  async stateOf(a: string, b: string): Promise<ConnectionState> {
    this.assertIds(a, b);
    return foldConnection(await this.store.readStream(connectionStreamId(a, b)));
  }

  private async run(
    a: string,
    b: string,
    command: CommunityCommand,
    actor: string,
    metadata: CommandMetadata = {},
  ): Promise<CommunityCommandResult> {
    const streamId = connectionStreamId(a, b);
    const attempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(streamId);
      const version = history.length === 0 ? 0 : history[history.length - 1].version;
      const state = foldConnection(history);
      const decision = decideCommunity(state, command);
      if (decision.events.length === 0) return { outcome: decision.outcome, streamId, state, version };
      try {
        const result = await this.store.appendToStream(
          streamId,
          decision.events.map((event) =>
            newQfzzEvent(event.type, event.data, { metadata: { ...metadata, actor } }),
          ),
          { expectedVersion: version === 0 ? NO_STREAM : version },
        );
        return {
          outcome: decision.outcome,
          streamId,
          state: foldConnection([...history, ...result.events]),
          version: result.nextExpectedVersion,
          position: result.lastPosition,
        };
      } catch (error) {
        if (!isExpectedVersionConflict(error) || attempt >= attempts) throw error;
      }
    }
  }

  private assertIds(a: string, b: string) {
    for (const id of [a, b]) {
      if (!isValidId(id))
        throw new CommunityCommandError('INVALID_LISTENER_ID', `"${String(id)}" is not a valid listener id`);
    }
    if (a === b)
      throw new CommunityCommandError('SELF_CONNECTION', 'a listener cannot connect to themselves');
  }

  private async assertListener(listenerId: string) {
    const exists = this.options.listenerExists
      ? await this.options.listenerExists(listenerId)
      : (await this.store.streamVersion(listenerStreamId(listenerId))) > 0;
    if (!exists)
      throw new CommunityCommandError('LISTENER_NOT_FOUND', `listener ${listenerId} does not exist`);
  }
}
