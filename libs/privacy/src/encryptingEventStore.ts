import {
  copyWith,
  listenerStreamId,
  newQfzzEvent,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
} from '@qfzz/domain';
import {
  ANY_VERSION,
  readAllForReplay,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadAllBatch,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReplayBatch,
  type ReplayEvent,
} from '@qfzz/event-store';
import { isSealed, sealJson, unseal, type SealedData } from './crypto/sealedData';
import { SealingThread, type SealJob } from './crypto/sealingThread';
import type { DataKey, DataKeyStore } from './keys/dataKeyStore';
import { defaultPersonalDataPolicy, type PersonalDataPolicy } from './personalDataPolicy';
import { RecentlyOpened } from './recentlyOpened';
import { redactedEvent } from './redaction';

export interface EncryptingEventStoreOptions {
  keys: DataKeyStore;
  policy?: PersonalDataPolicy;
  /**
   * Keep the opened form of this many recently appended events, so readers in
   * this process (log followers) do not decrypt what was just sealed. Only for
   * a process every forget goes through (edge mode): see `RecentlyOpened`.
   * Default 0 (off).
   */
  rememberOpened?: number;
  /**
   * Appends with at least this many personal events (under one key) are sealed
   * on a worker thread (`SealingThread`), beside the event loop. Default 256;
   * `Infinity` seals everything on the caller's thread.
   */
  sealOnThreadFrom?: number;
}

const DEFAULT_SEAL_ON_THREAD_FROM = 256;

/** Sealing keys kept per process; the oldest goes first beyond this many listeners. */
const SEALING_KEYS_KEPT = 10_000;

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
  /**
   * Each listener's current key, so an append is not a key-store transaction
   * per event. A key another process deletes (a forget there) may still seal
   * here until evicted: what it seals can then never be opened, which is what
   * forgetting asks for.
   */
  private readonly sealingKeys = new Map<string, Promise<DataKey>>();
  private readonly recentlyOpened: RecentlyOpened | undefined;
  private readonly sealingThread = new SealingThread();
  private readonly sealOnThreadFrom: number;
  /** Settles once the latest append was handed to the inner store. */
  private handOff: Promise<void> = Promise.resolve();
  /** Bumped as a forget starts and ends: what was sealed across one is not remembered opened (it may be the forgotten listener's). */
  private forgets = 0;

  constructor(
    /** The log as stored (sealed). */
    readonly stored: EventStore,
    private readonly options: EncryptingEventStoreOptions,
  ) {
    this.policy = options.policy ?? defaultPersonalDataPolicy;
    const remember = options.rememberOpened ?? 0;
    this.recentlyOpened = remember > 0 ? new RecentlyOpened(remember) : undefined;
    this.sealOnThreadFrom = options.sealOnThreadFrom ?? DEFAULT_SEAL_ON_THREAD_FROM;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const plaintexts = new Map<string, SealedPayload>();
    const sealing = this.sealAll(streamId, events, plaintexts);
    // Appends reach the log in the order they were asked for, even when a big one is sealed on the
    // thread and a small one after it is sealed here at once.
    const previous = this.handOff;
    let handedOff: (() => void) | undefined;
    this.handOff = new Promise<void>((resolve) => (handedOff = resolve));
    let appended: Promise<AppendResult>;
    try {
      const sealedEvents = await sealing;
      await previous;
      appended = this.stored.appendToStream(streamId, sealedEvents, options);
    } finally {
      handedOff?.();
    }
    const result = await appended;
    // A retry returns what an earlier append stored (other ciphertexts): open those.
    if (result.alreadyAppended) return copyWith(result, { events: await this.openAll(result.events) });
    const opened = result.events.map((event) => {
      const payload = plaintexts.get(event.eventId);
      return payload === undefined ? event : openedWith(event, payload);
    });
    return copyWith(result, { events: opened });
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.stored.readStream(streamId, options));
  }

  async readAll(options: ReadAllOptions): Promise<ReadAllBatch> {
    const batch = await this.stored.readAll(options);
    return copyWith(batch, { events: await this.openAll(batch.events) });
  }

  /**
   * The inner store's lean replay read (or its `readAll`), opened like
   * `readAll`: a replay through this store folds what the listener wrote, and
   * a forgotten listener's events as `Redacted`.
   */
  async readAllForReplay(options: ReadAllOptions): Promise<ReplayBatch> {
    const batch = await readAllForReplay(this.stored, options);
    return copyWith(batch, { events: await this.openAll(batch.events) });
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
    this.sealingThread.stop();
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
    this.sealingKeys.delete(listenerId);
    this.forgets++;
    this.recentlyOpened?.clear();
    const keysDeleted = await this.options.keys.deleteKeysOf(listenerId);
    // Again once the keys are gone: an append that fetched the old key meanwhile is not remembered either.
    this.forgets++;
    return {
      listenerId,
      version: appended.nextExpectedVersion,
      position: appended.lastPosition,
      keysDeleted,
      alreadyForgotten: false,
    };
  }

  /**
   * Seals the personal events of one append; `plaintexts` gets what each
   * sealed as opening would give it back (a JSON round trip), by event id.
   * Many events under one key go to the sealing thread, a few are sealed here.
   */
  private async sealAll(
    streamId: string,
    events: readonly NewEvent[],
    plaintexts: Map<string, SealedPayload>,
  ): Promise<NewEvent[]> {
    const forgetsBefore = this.forgets;
    const pending: { at: number; event: NewEvent; key: DataKey; open: Partial<EventMetadata> }[] = [];
    const jobs: SealJob[] = [];
    // An append is one stream, so almost always one owner: its key is awaited once, not per event.
    let owner: string | undefined;
    let key: DataKey | undefined;
    for (const [at, event] of events.entries()) {
      const ownerHere = this.policy.ownerOf(streamId, event.type);
      if (ownerHere === undefined) continue;
      if (ownerHere !== owner || key === undefined) {
        owner = ownerHere;
        key = await this.sealingKey(owner);
      }
      const { metadata = {} } = event;
      const open: Partial<EventMetadata> = {};
      for (const name of OPEN_METADATA) if (metadata[name] !== undefined) open[name] = metadata[name];
      const json = JSON.stringify({ data: event.data, metadata });
      plaintexts.set(event.eventId, JSON.parse(json) as SealedPayload);
      pending.push({ at, event, key, open });
      jobs.push({ json, associatedData: associatedData(streamId, event) });
    }
    const sealed = await this.sealJobs(
      pending.map((p) => p.key),
      jobs,
    );
    const out = events.slice();
    const remember = this.forgets === forgetsBefore ? this.recentlyOpened : undefined;
    pending.forEach(({ at, event, open }, i) => {
      remember?.remember(event.eventId, sealed[i], plaintexts.get(event.eventId));
      // occurredAt and actor go inside the seal; the store stamps occurredAt = recordedAt outside.
      out[at] = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: sealed[i],
        metadata: open,
      };
    });
    return out;
  }

  private sealJobs(keys: readonly DataKey[], jobs: readonly SealJob[]): Promise<SealedData[]> | SealedData[] {
    const [first] = keys;
    const oneKey = first !== undefined && keys.every((key) => key === first);
    if (oneKey && jobs.length >= this.sealOnThreadFrom)
      return this.sealingThread.seal(first.key, first.kid, jobs);
    return jobs.map((job, i) => sealJson(keys[i].key, keys[i].kid, job.json, job.associatedData));
  }

  private sealingKey(owner: string): Promise<DataKey> {
    let key = this.sealingKeys.get(owner);
    if (!key) {
      key = this.options.keys.currentKey(owner);
      // A failed lookup is not remembered.
      key.catch(() => this.sealingKeys.delete(owner));
      this.sealingKeys.set(owner, key);
      if (this.sealingKeys.size > SEALING_KEYS_KEPT)
        this.sealingKeys.delete(this.sealingKeys.keys().next().value as string);
    }
    return key;
  }

  private async openAll<E extends ReplayEvent>(events: readonly E[]): Promise<E[]> {
    const keys = new Map<string, DataKey | undefined>();
    const opened: E[] = [];
    for (const event of events) {
      if (!isSealed(event.data)) {
        opened.push(event);
        continue;
      }
      const remembered = this.recentlyOpened?.find(event.eventId, event.data);
      if (remembered) {
        // Full events (not a replay's lean ones) are opened once and shared by every follower:
        // readers must not change what they read.
        const full = 'hash' in event;
        const shared = full ? (remembered.opened as E | undefined) : undefined;
        const result = shared ?? openedWith(event, remembered.payload as SealedPayload);
        if (full && !shared) remembered.opened = result as unknown as RecordedEvent;
        opened.push(result);
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
      opened.push(openedWith(event, payload));
    }
    return opened;
  }
}

/**
 * The event as its writer gave it: the sealed data and metadata back in place.
 * Written out in the stores' field order (not `{ ...stored }`, ADR 0008), so
 * opened events have the shape of every other event the followers read.
 */
function openedWith<E extends ReplayEvent>(stored: E, payload: SealedPayload): E {
  const metadata = copyWith(stored.metadata, payload.metadata);
  if (!('hash' in stored)) {
    const { eventId, streamId, version, position, type, schemaVersion } = stored;
    return { eventId, streamId, version, position, type, schemaVersion, data: payload.data, metadata } as E;
  }
  const recorded = stored as unknown as RecordedEvent;
  const opened: RecordedEvent = {
    eventId: recorded.eventId,
    streamId: recorded.streamId,
    version: recorded.version,
    position: recorded.position,
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    data: payload.data,
    metadata: metadata as RecordedEvent['metadata'],
    prevHash: recorded.prevHash,
    hash: recorded.hash,
  };
  return opened as unknown as E;
}

/** Binds a ciphertext to the event it belongs to. */
function associatedData(
  streamId: string,
  event: Pick<NewEvent, 'eventId' | 'type' | 'schemaVersion'>,
): string {
  return `qfzz:sealed:v1:${streamId}:${event.eventId}:${event.type}:${event.schemaVersion}`;
}
