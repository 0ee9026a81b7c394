import {
  listenerStreamId,
  newQfzzEvent,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
} from '@qfzz/domain';
import {
  ANY_VERSION,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadAllBatch,
  type ReadAllOptions,
  type ReadStreamOptions,
} from '@qfzz/event-store';
import { isSealed, seal, unseal } from './crypto/sealedData';
import type { DataKey, DataKeyStore } from './keys/dataKeyStore';
import { defaultPersonalDataPolicy, type PersonalDataPolicy } from './personalDataPolicy';
import { redactedEvent } from './redaction';

export interface EncryptingEventStoreOptions {
  keys: DataKeyStore;
  policy?: PersonalDataPolicy;
}

/** What a sealed event's ciphertext holds: its data and the metadata that tells when and by whom. */
interface SealedPayload {
  data: unknown;
  metadata?: Partial<EventMetadata>;
}

/** Metadata that stays readable: it traces requests, it says nothing about the listener. */
const OPEN_METADATA = ['correlationId', 'causationId'] as const;

export class UnknownListenerError extends Error {
  override readonly name = 'UnknownListenerError';
  readonly code = 'LISTENER_NOT_FOUND';
  constructor(listenerId: string) {
    super(`listener ${listenerId} does not exist`);
  }
}

export interface ForgetResult {
  listenerId: string;
  /** Where `ListenerForgotten` landed (its stream version and log position). */
  version: number;
  position: number;
  keysDeleted: number;
  /** The listener had been forgotten already and had written nothing since. */
  alreadyForgotten: boolean;
}

/**
 * Crypto-shredding over any `EventStore`: personal event data (see
 * `PersonalDataPolicy`) is sealed with its listener's key before the inner
 * store sees it, so the hash chain covers the ciphertext as stored and stays
 * verifiable after the key is gone. Reads open what they can; an event whose
 * key was deleted reads as `Redacted`, never as plaintext.
 *
 * Verify chains over `readStoredStream` (the stored form): a chain cannot be
 * recomputed over decrypted data, because the hash is over the ciphertext.
 */
export class EncryptingEventStore implements EventStore {
  private readonly policy: PersonalDataPolicy;

  constructor(
    /** The log as stored (sealed). */
    readonly stored: EventStore,
    private readonly options: EncryptingEventStoreOptions,
  ) {
    this.policy = options.policy ?? defaultPersonalDataPolicy;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const sealedEvents = await Promise.all(events.map((event) => this.sealOne(streamId, event)));
    const result = await this.stored.appendToStream(streamId, sealedEvents, options);
    return { ...result, events: await this.openAll(result.events) };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.stored.readStream(streamId, options));
  }

  async readAll(options: ReadAllOptions): Promise<ReadAllBatch> {
    const batch = await this.stored.readAll(options);
    return { ...batch, events: await this.openAll(batch.events) };
  }

  /** The stream exactly as stored: what the hash chain covers. */
  readStoredStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.stored.readStream(streamId, options);
  }

  /** Opens one event as stored (e.g. one the bus carried sealed). */
  async reveal(event: RecordedEvent): Promise<RecordedEvent> {
    const [opened] = await this.openAll([event]);
    return opened;
  }

  streamVersion(streamId: string): Promise<number> {
    return this.stored.streamVersion(streamId);
  }

  headPosition(): Promise<number> {
    return this.stored.headPosition();
  }

  onAppended(listener: (lastPosition: number) => void): () => void {
    return this.stored.onAppended(listener);
  }

  /** Closes the inner store; the key store belongs to whoever opened it. */
  close(): Promise<void> {
    return this.stored.close();
  }

  /**
   * Forgets a listener: appends `ListenerForgotten` (readable, so every
   * reducer knows to start over), then deletes their keys. From then on every
   * earlier event of theirs reads as `Redacted`, in this process and any other.
   */
  async forget(listenerId: string, metadata: NewEvent['metadata'] = {}): Promise<ForgetResult> {
    const streamId = listenerStreamId(listenerId);
    const version = await this.stored.streamVersion(streamId);
    if (version === 0) throw new UnknownListenerError(listenerId);
    const [last] = await this.stored.readStream(streamId, { fromVersion: version, limit: 1 });
    if (last?.type === 'ListenerForgotten') {
      return {
        listenerId,
        version,
        position: last.position,
        keysDeleted: await this.options.keys.deleteKeysOf(listenerId),
        alreadyForgotten: true,
      };
    }
    const appended = await this.stored.appendToStream(
      streamId,
      [newQfzzEvent('ListenerForgotten', { listenerId }, { metadata })],
      { expectedVersion: ANY_VERSION },
    );
    const keysDeleted = await this.options.keys.deleteKeysOf(listenerId);
    return {
      listenerId,
      version: appended.nextExpectedVersion,
      position: appended.lastPosition,
      keysDeleted,
      alreadyForgotten: false,
    };
  }

  private async sealOne(streamId: string, event: NewEvent): Promise<NewEvent> {
    const owner = this.policy.ownerOf(streamId, event.type);
    if (owner === undefined) return event;
    const key = await this.options.keys.currentKey(owner);
    const { metadata = {} } = event;
    const open: Partial<EventMetadata> = {};
    for (const name of OPEN_METADATA) if (metadata[name] !== undefined) open[name] = metadata[name];
    const payload: SealedPayload = { data: event.data, metadata };
    return {
      ...event,
      data: seal(key.key, key.kid, payload, associatedData(streamId, event)),
      // occurredAt and actor go inside the seal; the store stamps occurredAt = recordedAt outside.
      metadata: open,
    };
  }

  private async openAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const keys = new Map<string, DataKey | undefined>();
    const opened: RecordedEvent[] = [];
    for (const event of events) {
      if (!isSealed(event.data)) {
        opened.push(event);
        continue;
      }
      const { kid } = event.data;
      if (!keys.has(kid)) keys.set(kid, await this.options.keys.keyById(kid));
      const key = keys.get(kid);
      if (!key) {
        opened.push(redactedEvent(event));
        continue;
      }
      const payload = unseal(
        key.key,
        event.data,
        associatedData(event.streamId, event),
        event.eventId,
      ) as SealedPayload;
      opened.push({ ...event, data: payload.data, metadata: { ...event.metadata, ...payload.metadata } });
    }
    return opened;
  }
}

/** Binds a ciphertext to the event it belongs to. */
function associatedData(
  streamId: string,
  event: Pick<NewEvent, 'eventId' | 'type' | 'schemaVersion'>,
): string {
  return `qfzz:sealed:v1:${streamId}:${event.eventId}:${event.type}:${event.schemaVersion}`;
}
