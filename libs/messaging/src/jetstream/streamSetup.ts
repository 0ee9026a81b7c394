import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type ConsumerInfo,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';

export interface StreamSettings {
  name: string;
  subjects: string[];
  duplicateWindowMs: number;
  replicas: number;
  /** 0 keeps messages forever (the default for both streams). */
  maxAgeMs: number;
}

function isNotFound(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /not found/i.test(message);
}

/**
 * Creates the stream when missing (file storage, limits retention). An existing
 * stream is left as it is, except that its duplicate window is brought to the
 * configured value. Several processes may call this at once.
 */
export async function ensureStream(jsm: JetStreamManager, settings: StreamSettings): Promise<void> {
  const config: Partial<StreamConfig> & { name: string } = {
    name: settings.name,
    subjects: settings.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(settings.duplicateWindowMs),
    num_replicas: settings.replicas,
    max_age: nanos(settings.maxAgeMs),
  };
  try {
    const info = await jsm.streams.info(settings.name);
    if (info.config.duplicate_window !== config.duplicate_window) {
      await jsm.streams.update(settings.name, { ...info.config, duplicate_window: config.duplicate_window });
    }
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await jsm.streams.add(config);
  } catch (error) {
    // Another process created it between our info and add.
    await jsm.streams.info(settings.name).catch(() => {
      throw error;
    });
  }
}

export interface DurableSettings {
  stream: string;
  durableName: string;
  filterSubject: string;
  ackWaitMs: number;
  /** What the server enforces; see JetStreamConsumer for why it is one more than the caller's. */
  serverMaxDeliver: number;
  maxAckPending: number;
}

/**
 * Creates or binds the durable pull consumer that all replicas with this name
 * share. NATS 2.9 cannot change a consumer's filter subject (and refuses
 * several), so a durable bound to another filter is an error, not a silent rebind.
 */
export async function ensureDurable(jsm: JetStreamManager, settings: DurableSettings): Promise<ConsumerInfo> {
  const wanted: Partial<ConsumerConfig> = {
    durable_name: settings.durableName,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(settings.ackWaitMs),
    max_deliver: settings.serverMaxDeliver,
    filter_subject: settings.filterSubject,
    max_ack_pending: settings.maxAckPending,
  };
  let existing: ConsumerInfo | undefined;
  try {
    existing = await jsm.consumers.info(settings.stream, settings.durableName);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (!existing) {
    try {
      return await jsm.consumers.add(settings.stream, wanted);
    } catch (error) {
      // A replica created it first: bind to theirs below.
      existing = await jsm.consumers.info(settings.stream, settings.durableName).catch(() => {
        throw error;
      });
    }
  }
  const current = existing.config;
  if ((current.filter_subject ?? '') !== settings.filterSubject) {
    throw new Error(
      `durable consumer "${settings.durableName}" on ${settings.stream} filters "${current.filter_subject ?? ''}", ` +
        `not "${settings.filterSubject}": use another durable name (NATS 2.9 cannot change a filter)`,
    );
  }
  if (
    current.ack_wait !== wanted.ack_wait ||
    current.max_deliver !== wanted.max_deliver ||
    current.max_ack_pending !== wanted.max_ack_pending
  ) {
    return jsm.consumers.update(settings.stream, settings.durableName, {
      ack_wait: wanted.ack_wait,
      max_deliver: wanted.max_deliver,
      max_ack_pending: wanted.max_ack_pending,
    });
  }
  return existing;
}
