import type { RecordedEvent } from '@qfzz/domain';
import { startNats, type RunningNats } from '@qfzz/testing';
import type { EventBus } from './eventBus';
import { JetStreamEventBus } from './jetstream/jetStreamEventBus';
import { OutboxRelay } from './outboxRelay';
import {
  appendPlays,
  DeliveryCounter,
  eventually,
  openTempLog,
  pause,
  type TempLog,
} from './testSupport/logFixture';

jest.setTimeout(30_000);

const lastPosition = (events: RecordedEvent[]) => events[events.length - 1].position;

/** A bus whose publish fails while `failing` is true: a publisher that "dies" after the append. */
class FlakyBus implements EventBus {
  failing = true;
  attempts = 0;
  constructor(private readonly inner: EventBus) {}
  async publish(events: readonly RecordedEvent[]) {
    this.attempts++;
    if (this.failing) throw new Error('connection lost before publish');
    await this.inner.publish(events);
  }
  lastPublishedPosition() {
    return this.inner.lastPublishedPosition();
  }
  consume: EventBus['consume'] = (options) => this.inner.consume(options);
  async close() {
    /* the inner bus is closed by the test */
  }
}

describe('OutboxRelay: the log is the outbox (real NATS, real SQLite log)', () => {
  let nats: RunningNats;
  let log: TempLog;
  const closers: (() => Promise<void>)[] = [];
  const openBus = async () => {
    const bus = await JetStreamEventBus.connect(nats.url, { pullExpiresMs: 2000 });
    closers.push(() => bus.close());
    return bus;
  };
  const relay = (bus: EventBus, onError?: (e: unknown) => void) => {
    const r = new OutboxRelay(log.store, bus, {
      batchSize: 50,
      pollIntervalMs: 20,
      retryDelayMs: 20,
      onError,
    });
    closers.push(() => r.stop());
    return r.start();
  };
  const countDeliveries = async (bus: EventBus, durableName: string) => {
    const counter = new DeliveryCounter();
    await bus.consume({ durableName, handle: async (e) => counter.record(e.eventId) });
    return counter;
  };

  beforeEach(async () => {
    nats = await startNats();
    log = openTempLog();
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await log?.close();
    await nats?.stop();
  });

  it('delivers events whose publisher died between append and publish, once, via a fresh relay', async () => {
    const bus = await openBus();
    const counter = await countDeliveries(bus, 'projection');

    // Some events reached the bus before the publisher died...
    const published = await appendPlays(log.store, 5);
    await bus.publish(published);
    // ...then these were appended, and the publisher died before publishing them.
    const orphans = await appendPlays(log.store, 7);
    const dying = new FlakyBus(bus);
    const errors: unknown[] = [];
    const first = relay(dying, (e) => errors.push(e));
    await eventually(() => dying.attempts >= 2, 'the dying relay to try');
    await first.stop();
    expect(first.position).toBe(published.at(-1)?.position);
    expect(errors.length).toBeGreaterThan(0);
    expect(await bus.lastPublishedPosition()).toBe(published.at(-1)?.position);

    const fresh = relay(bus);
    await fresh.waitFor(lastPosition(orphans));
    await eventually(() => counter.distinct() === 12, 'all twelve events at the consumer');
    await pause(300);
    expect(counter.total()).toBe(12);
    for (const e of [...published, ...orphans]) expect(counter.counts.get(e.eventId)).toBe(1);
  });

  it('retries a failed publish from the last confirmed position without skipping', async () => {
    const bus = await openBus();
    const flaky = new FlakyBus(bus);
    const events = await appendPlays(log.store, 120);
    const r = relay(flaky);
    await eventually(() => flaky.attempts >= 3, 'a few failed attempts');
    flaky.failing = false;
    await r.waitFor(lastPosition(events));

    const received: string[] = [];
    await bus.consume({ durableName: 'ordered', handle: async (e) => void received.push(e.eventId) });
    await eventually(() => received.length === events.length, 'every event');
    expect(received).toEqual(events.map((e) => e.eventId));
  });

  it('runs two relays at once without duplicate deliveries (msgID dedup)', async () => {
    const consumerBus = await openBus();
    const counter = await countDeliveries(consumerBus, 'twice-relayed');
    const a = relay(await openBus());
    const b = relay(await openBus());
    const events: RecordedEvent[] = [];
    for (let round = 0; round < 10; round++) {
      events.push(...(await appendPlays(log.store, 20, 7)));
      await pause(10);
    }
    await Promise.all([a.waitFor(lastPosition(events)), b.waitFor(lastPosition(events))]);
    await eventually(() => counter.distinct() === events.length, 'all events');
    await pause(500);
    expect(counter.total()).toBe(events.length);
  });
});
