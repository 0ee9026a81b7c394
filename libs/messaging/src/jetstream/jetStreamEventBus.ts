import type { RecordedEvent } from '@qfzz/domain';
import {
  connect,
  headers,
  JSONCodec,
  type ConnectionOptions,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import type { ConsumerOptions, DeadLetter, EventBus, RunningConsumer } from '../eventBus';
import {
  DEAD_LETTER_STREAM,
  DEAD_LETTER_SUBJECTS,
  deadLetterSubject,
  EVENTS_STREAM,
  EVENTS_SUBJECTS,
  eventSubject,
  POSITION_HEADER,
} from '../subjects';
import { JetStreamConsumer } from './jetStreamConsumer';
import { ensureStream } from './streamSetup';

const json = JSONCodec();

export interface JetStreamEventBusOptions {
  /** How long JetStream remembers a `Nats-Msg-Id` to drop a republish. Default 2 min. */
  duplicateWindowMs?: number;
  /** Stream replicas (a NATS cluster); default 1. */
  replicas?: number;
  /** How long the events stream keeps messages; 0 (default) keeps them: the log is the archive, the bus a window on it. */
  maxAgeMs?: number;
  /** How long dead letters are kept; 0 (default) keeps them. */
  deadLetterMaxAgeMs?: number;
  /** Wait for each PubAck this long. Default 5 s. */
  publishTimeoutMs?: number;
  /** Lifetime of one pull request; heartbeats are half of it. Default 10 s. */
  pullExpiresMs?: number;
  /** Unacked events a durable may have out at once, across all its replicas. Default 1000. */
  maxAckPending?: number;
  /** Extra client options for `connect()` (reconnects forever by default). */
  connection?: Partial<ConnectionOptions>;
}

/**
 * The cluster-mode bus: the log's events on one JetStream stream, durable pull
 * consumers shared by replicas, dead letters on a second stream.
 */
export class JetStreamEventBus implements EventBus {
  private readonly consumers = new Set<JetStreamConsumer>();
  private readonly js: JetStreamClient;

  private constructor(
    readonly connection: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamEventBusOptions,
    private readonly ownsConnection: boolean,
  ) {
    this.js = connection.jetstream();
  }

  /** Connects (reconnecting forever after a loss) and makes sure both streams exist. */
  static async connect(
    natsUrl: string | string[],
    options: JetStreamEventBusOptions = {},
  ): Promise<JetStreamEventBus> {
    const nc = await connect({
      servers: natsUrl,
      name: 'qfzz-event-bus',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      ...options.connection,
    });
    try {
      return await JetStreamEventBus.create(nc, options, true);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  /** Uses a connection the caller owns (`close()` leaves it open). */
  static async create(
    nc: NatsConnection,
    options: JetStreamEventBusOptions = {},
    ownsConnection = false,
  ): Promise<JetStreamEventBus> {
    const jsm = await nc.jetstreamManager();
    const duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
    const replicas = options.replicas ?? 1;
    await ensureStream(jsm, {
      name: EVENTS_STREAM,
      subjects: [EVENTS_SUBJECTS],
      duplicateWindowMs,
      replicas,
      maxAgeMs: options.maxAgeMs ?? 0,
    });
    await ensureStream(jsm, {
      name: DEAD_LETTER_STREAM,
      subjects: [DEAD_LETTER_SUBJECTS],
      duplicateWindowMs,
      replicas,
      maxAgeMs: options.deadLetterMaxAgeMs ?? 0,
    });
    return new JetStreamEventBus(nc, jsm, options, ownsConnection);
  }

  /**
   * One at a time, each after the previous PubAck: the stream then never holds
   * an event whose predecessor it lacks, so its last message is a safe resume
   * point for the relay even after a failure half-way through a batch.
   */
  async publish(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const h = headers();
      h.set(POSITION_HEADER, String(event.position));
      const ack = await this.js.publish(eventSubject(event), json.encode(event), {
        msgID: event.eventId,
        headers: h,
        timeout: this.options.publishTimeoutMs ?? 5000,
      });
      if (ack.stream !== EVENTS_STREAM) {
        throw new Error(`event ${event.eventId} was stored by stream ${ack.stream}, not ${EVENTS_STREAM}`);
      }
    }
  }

  async lastPublishedPosition(): Promise<number> {
    const info = await this.jsm.streams.info(EVENTS_STREAM);
    if (info.state.last_seq === 0 || info.state.messages === 0) return 0;
    const last = await this.jsm.streams.getMessage(EVENTS_STREAM, { seq: info.state.last_seq });
    const position = Number(last.header.get(POSITION_HEADER));
    if (!Number.isFinite(position)) {
      throw new Error(
        `the last message of ${EVENTS_STREAM} (seq ${last.seq}) has no ${POSITION_HEADER} header`,
      );
    }
    return position;
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    const consumer = new JetStreamConsumer(this.js, this.jsm, options, {
      stream: EVENTS_STREAM,
      pullExpiresMs: this.options.pullExpiresMs ?? 10_000,
      maxAckPending: this.options.maxAckPending ?? 1000,
      publishTimeoutMs: this.options.publishTimeoutMs ?? 5000,
    });
    await consumer.start();
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  /** The dead letters stored for a durable, oldest first (reads the whole dead-letter stream: for operators and tests). */
  async deadLetters(durableName: string): Promise<DeadLetter[]> {
    const subject = deadLetterSubject(durableName);
    const info = await this.jsm.streams.info(DEAD_LETTER_STREAM);
    const letters: DeadLetter[] = [];
    if (info.state.messages === 0) return letters;
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const msg = await this.jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => undefined);
      if (msg?.subject === subject) letters.push(msg.json<DeadLetter>());
    }
    return letters;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
    if (this.ownsConnection && !this.connection.isClosed()) await this.connection.close();
  }
}
