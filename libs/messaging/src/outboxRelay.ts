import { CatchUpSubscription, type EventStore } from '@qfzz/event-store';
import type { RecordedEvent } from '@qfzz/domain';
import type { EventBus } from './eventBus';
import { Sleeper } from './handlerDeadline';

export interface OutboxRelayOptions {
  /** Events read from the log and published per batch. Default 500. */
  batchSize?: number;
  /** How often to look for appends by other processes. Default 100 ms. */
  pollIntervalMs?: number;
  /** First pause after a failed publish; doubles up to `maxRetryDelayMs`. Default 100 ms. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The log is the outbox: writers only append; the relay follows the log and
 * publishes what the bus has not stored yet. It starts after the bus's last
 * stored position, so a process that died between append and publish loses
 * nothing, and a failed batch is retried from the last confirmed position.
 * Several relays at once are harmless: the bus drops a republished eventId.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private subscription: CatchUpSubscription | undefined;
  private confirmed = 0;
  private readonly sleeper = new Sleeper();
  private readonly waiters: { position: number; resolve: () => void }[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly bus: EventBus,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  /** The log position up to which the bus has confirmed every event. */
  get position(): number {
    return this.confirmed;
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    this.loop = this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    // CatchUpSubscription.stop() lowers its flag synchronously, before a batch
    // that is being retried notices that we stop.
    const stopping = this.subscription?.stop();
    this.sleeper.wake();
    await this.loop;
    await stopping;
    this.subscription = undefined;
  }

  /** Resolves once everything up to `position` is confirmed by the bus. */
  waitFor(position: number): Promise<void> {
    if (this.confirmed >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private async run(): Promise<void> {
    const start = await this.retrying(() => this.bus.lastPublishedPosition());
    if (start === undefined || !this.running) return;
    this.moveTo(start);
    this.subscription = new CatchUpSubscription(this.store, {
      after: start,
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
      onError: this.options.onError,
      // The subscription's checkpoint moves only when this resolves; throwing
      // (only when stopping) leaves it where the bus last confirmed.
      handle: async (events, nextPosition) => {
        const done = await this.retrying(() => this.publish(events));
        if (done === undefined) throw new Error('outbox relay stopped before the batch was confirmed');
        this.moveTo(nextPosition);
      },
    }).start();
  }

  private async publish(events: RecordedEvent[]): Promise<true> {
    await this.bus.publish(events);
    return true;
  }

  /** Runs `work` until it succeeds, backing off; undefined when stopped first. */
  private async retrying<T>(work: () => Promise<T>): Promise<T | undefined> {
    let delay = this.options.retryDelayMs ?? 100;
    const maxDelay = this.options.maxRetryDelayMs ?? 5000;
    while (this.running) {
      try {
        return await work();
      } catch (error) {
        if (!this.running) return undefined;
        this.options.onError?.(error);
        await this.sleeper.sleep(delay);
        delay = Math.min(delay * 2, maxDelay);
      }
    }
    return undefined;
  }

  private moveTo(position: number) {
    this.confirmed = Math.max(this.confirmed, position);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].position <= this.confirmed) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
  }
}
