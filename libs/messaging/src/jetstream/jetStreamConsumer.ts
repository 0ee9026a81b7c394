import type { RecordedEvent } from '@qfzz/domain';
import {
  ConsumerEvents,
  JSONCodec,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from 'nats';
import {
  errorMessage,
  resolveConsumerOptions,
  retryDelayFor,
  type ResolvedConsumerOptions,
} from '../consumerDefaults';
import type { ConsumerOptions, DeadLetter, RunningConsumer } from '../eventBus';
import { HandlerTimeoutError, Sleeper, withDeadline } from '../handlerDeadline';
import { deadLetterSubject, eventFilterSubject } from '../subjects';
import { ensureDurable } from './streamSetup';

const json = JSONCodec();

export interface JetStreamConsumerSettings {
  stream: string;
  pullExpiresMs: number;
  maxAckPending: number;
  publishTimeoutMs: number;
}

/**
 * One replica of a durable pull consumer. Every replica that uses the same
 * durable name pulls from the same server-side consumer, so JetStream hands each
 * event to one of them (competing consumers) and redelivers what is not acked.
 *
 * Deliveries are counted by the server (`deliveryCount`). The server's
 * `max_deliver` is one more than the caller's `maxDeliver`: delivery
 * `maxDeliver` is the last attempt of the handler, and the extra one exists only
 * so that an event whose last attempt never reported (its replica died or hung)
 * is still dead-lettered instead of silently dropped by the server.
 */
export class JetStreamConsumer implements RunningConsumer {
  private running = false;
  private loop: Promise<void> | undefined;
  private messages: ConsumerMessages | undefined;
  private readonly sleeper = new Sleeper();
  private readonly resolved: ResolvedConsumerOptions;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: ConsumerOptions,
    private readonly settings: JetStreamConsumerSettings,
  ) {
    this.resolved = resolveConsumerOptions(options);
  }

  async start(): Promise<this> {
    await this.ensureDurable();
    this.running = true;
    this.loop = this.run();
    return this;
  }

  async stop(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    this.messages?.stop();
    this.sleeper.wake();
    await this.loop;
  }

  private ensureDurable() {
    return ensureDurable(this.jsm, {
      stream: this.settings.stream,
      durableName: this.options.durableName,
      filterSubject: eventFilterSubject(this.options.streamKind),
      ackWaitMs: this.resolved.ackWaitMs,
      serverMaxDeliver: this.resolved.maxDeliver + 1,
      maxAckPending: this.settings.maxAckPending,
    });
  }

  /**
   * `consume()` re-pulls by itself after a reconnect (it checks the consumer
   * and issues a new pull request). This outer loop covers what it does not: the
   * iterator ending (consumer deleted, a bad request) — then the durable is
   * ensured again and consumption restarts after a pause.
   */
  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const consumer = await this.js.consumers.get(this.settings.stream, this.options.durableName);
        const messages = await consumer.consume({
          max_messages: this.resolved.batch,
          expires: this.settings.pullExpiresMs,
        });
        this.messages = messages;
        if (!this.running) messages.stop();
        void this.watchStatus(messages);
        for await (const msg of messages) {
          if (!this.running) break;
          failures = 0;
          await this.process(msg);
        }
      } catch (error) {
        if (this.running) this.options.onError?.(error);
      }
      if (!this.running) break;
      failures++;
      await this.sleeper.sleep(Math.min(200 * 2 ** Math.min(failures, 5), 5000));
      if (!this.running) break;
      await this.ensureDurable().catch((error) => this.options.onError?.(error));
    }
  }

  private async watchStatus(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const status of await messages.status()) {
        if (
          status.type === ConsumerEvents.ConsumerNotFound ||
          status.type === ConsumerEvents.ConsumerDeleted
        ) {
          // Ends the iterator; run() recreates the durable and starts again.
          messages.stop();
        }
      }
    } catch {
      // the iterator closed
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    let event: RecordedEvent;
    try {
      event = json.decode(msg.data) as RecordedEvent;
    } catch (error) {
      this.options.onError?.(
        new Error(`undecodable message at stream sequence ${msg.seq}: ${errorMessage(error)}`),
      );
      msg.term();
      return;
    }

    if (deliveries > this.resolved.maxDeliver) {
      await this.deadLetter(
        msg,
        event,
        `no outcome reported after ${deliveries - 1} deliveries`,
        deliveries - 1,
      );
      return;
    }

    try {
      await withDeadline(() => this.options.handle(event), this.resolved.ackWaitMs);
    } catch (error) {
      this.options.onError?.(error, event);
      if (deliveries >= this.resolved.maxDeliver) {
        await this.deadLetter(msg, event, errorMessage(error), deliveries);
      } else if (!(error instanceof HandlerTimeoutError)) {
        // A timed-out delivery is already being redelivered by the server.
        msg.nak(retryDelayFor(deliveries, this.resolved));
      }
      return;
    }
    msg.ack();
  }

  /** Stores the dead letter, then terminates the message so the server stops redelivering it. */
  private async deadLetter(
    msg: JsMsg,
    event: RecordedEvent,
    reason: string,
    deliveries: number,
  ): Promise<void> {
    const letter: DeadLetter = { event, durableName: this.options.durableName, reason, deliveries };
    const subject = deadLetterSubject(this.options.durableName);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.js.publish(subject, json.encode(letter), {
          msgID: `${this.options.durableName}:${event.eventId}`,
          timeout: this.settings.publishTimeoutMs,
        });
        msg.term();
        return;
      } catch (error) {
        if (attempt >= 3 || !this.running) {
          this.options.onError?.(
            new Error(`could not store the dead letter for ${event.eventId}: ${errorMessage(error)}`),
            event,
          );
          // Within the server's budget this comes back once more; the event stays in the log regardless.
          msg.nak(this.resolved.retryDelayMs);
          return;
        }
        await this.sleeper.sleep(200 * attempt);
      }
    }
  }
}
