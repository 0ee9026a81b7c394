import type { RecordedEvent } from '@qfzz/domain';

/**
 * The bus that carries the log's events to consumers in other processes.
 * The log stays the source of truth: the bus only ever carries events that
 * are already in the log, and consumers must be idempotent.
 */
export interface EventBus {
  /** Publishes in order, each with `Nats-Msg-Id = eventId` so a republish is dropped by the bus. */
  publish(events: readonly RecordedEvent[]): Promise<void>;
  /** The log position of the last event the bus has stored; 0 when none. The outbox relay resumes after it. */
  lastPublishedPosition(): Promise<number>;
  /** Starts a consumer. Consumers with the same `durableName` share the work (competing consumers). */
  consume(options: ConsumerOptions): Promise<RunningConsumer>;
  close(): Promise<void>;
}

export interface ConsumerOptions {
  durableName: string;
  /** Only events of these log stream kinds, e.g. `listener`; all when omitted. */
  streamKind?: 'listener' | 'connection' | 'catalog';
  /** Resolve to acknowledge. Throwing asks for redelivery; after `maxDeliver` attempts the event goes to the dead-letter subject with the error as the reason. */
  handle(event: RecordedEvent): Promise<void>;
  /**
   * How long the bus waits for an ack before redelivering. Default 30 s. A handler
   * that has not settled by then counts as failed for that delivery (the replica
   * stops waiting for it and moves on; the event comes back by redelivery).
   */
  ackWaitMs?: number;
  /** Deliveries (attempts) before the event is dead-lettered. Default 5. */
  maxDeliver?: number;
  /** Events fetched per pull. */
  batch?: number;
  /**
   * Added: the base delay before a failed event is tried again (the nak delay on
   * JetStream, the pause between attempts in process); it grows with each delivery
   * and never exceeds `ackWaitMs`. Default 250 ms.
   */
  retryDelayMs?: number;
  /**
   * Added: told about failures that the consumer recovers from by itself (a handler
   * error before the last delivery, a lost connection, a dead letter that could not
   * be stored). Without it they are silent; the consumer keeps running either way.
   */
  onError?: (error: unknown, event?: RecordedEvent) => void;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

export interface DeadLetter {
  event: RecordedEvent;
  durableName: string;
  reason: string;
  deliveries: number;
}
