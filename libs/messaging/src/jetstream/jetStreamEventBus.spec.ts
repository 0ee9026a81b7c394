import type { RecordedEvent } from '@qfzz/domain';
import { startNats, type RunningNats } from '@qfzz/testing';
import { connect } from 'nats';
import { EVENTS_STREAM, POSITION_HEADER } from '../subjects';
import {
  appendConnection,
  appendPlays,
  DeliveryCounter,
  eventually,
  openTempLog,
  pause,
  type TempLog,
} from '../testSupport/logFixture';
import { JetStreamEventBus } from './jetStreamEventBus';

jest.setTimeout(30_000);

describe('JetStreamEventBus (real NATS, real SQLite log)', () => {
  let nats: RunningNats;
  let log: TempLog;
  const buses: JetStreamEventBus[] = [];
  const open = async () => {
    const bus = await JetStreamEventBus.connect(nats.url, { pullExpiresMs: 2000 });
    buses.push(bus);
    return bus;
  };

  beforeEach(async () => {
    nats = await startNats();
    log = openTempLog();
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    await log?.close();
    await nats?.stop();
  });

  it('publishes the log in order and a durable consumer receives every event of its stream kind', async () => {
    const bus = await open();
    const plays = await appendPlays(log.store, 20);
    const friendship = await appendConnection(log.store);
    await bus.publish([...plays, friendship]);
    expect(await bus.lastPublishedPosition()).toBe(friendship.position);

    const received: RecordedEvent[] = [];
    await bus.consume({
      durableName: 'profiles',
      streamKind: 'listener',
      handle: async (e) => void received.push(e),
    });
    await eventually(() => received.length === plays.length, 'all plays');
    expect(received.map((e) => e.eventId)).toEqual(plays.map((e) => e.eventId));
    expect(received[3]).toEqual(plays[3]);

    const all: RecordedEvent[] = [];
    await bus.consume({ durableName: 'everything', handle: async (e) => void all.push(e) });
    await eventually(() => all.length === plays.length + 1, 'every kind');
    expect(all.at(-1)?.eventId).toBe(friendship.eventId);
    await pause(200);
    expect(received).toHaveLength(plays.length);
  });

  it('drops a republished event (Nats-Msg-Id = eventId) and stores the position header', async () => {
    const bus = await open();
    const events = await appendPlays(log.store, 10);
    await bus.publish(events);
    await bus.publish(events.slice(3));

    const nc = await connect({ servers: nats.url });
    const jsm = await nc.jetstreamManager();
    expect((await jsm.streams.info(EVENTS_STREAM)).state.messages).toBe(10);
    const first = await jsm.streams.getMessage(EVENTS_STREAM, { seq: 1 });
    expect(first.header.get('Nats-Msg-Id')).toBe(events[0].eventId);
    expect(first.header.get(POSITION_HEADER)).toBe(String(events[0].position));
    expect(first.subject).toBe('qfzz.events.listener.TrackPlayed');
    await nc.close();

    const counter = new DeliveryCounter();
    await bus.consume({ durableName: 'dedup', handle: async (e) => counter.record(e.eventId) });
    await eventually(() => counter.distinct() === 10, 'ten events');
    await pause(300);
    expect(counter.total()).toBe(10);
  });

  it('shares one durable between 3 competing replicas: each gets a share, together exactly all events', async () => {
    const publisher = await open();
    const events = await appendPlays(log.store, 300, 30);
    await publisher.publish(events);

    const applied = new Set<string>();
    const counter = new DeliveryCounter();
    const perReplica = [0, 0, 0];
    const replicas = await Promise.all([open(), open(), open()]);
    await Promise.all(
      replicas.map((bus, i) =>
        bus.consume({
          durableName: 'competing',
          batch: 5,
          handle: async (e) => {
            counter.record(e.eventId);
            perReplica[i]++;
            applied.add(e.eventId); // an idempotent effect: applying twice changes nothing
            await pause(2);
          },
        }),
      ),
    );
    await eventually(() => applied.size === events.length, 'all events applied', 15_000);
    for (const share of perReplica) expect(share).toBeGreaterThan(0);
    for (const e of events) expect(counter.counts.get(e.eventId)).toBeGreaterThanOrEqual(1);
    expect([...applied].sort()).toEqual(events.map((e) => e.eventId).sort());
  });

  it('redelivers an event whose handler hangs past the ack wait', async () => {
    const bus = await open();
    const events = await appendPlays(log.store, 3);
    await bus.publish(events);
    const hung = events[1].eventId;
    const counter = new DeliveryCounter();
    const errors: unknown[] = [];
    await bus.consume({
      durableName: 'hangs',
      ackWaitMs: 1000,
      onError: (error) => errors.push(error),
      handle: async (e) => {
        counter.record(e.eventId);
        if (e.eventId === hung && counter.counts.get(hung) === 1) await new Promise(() => undefined); // never settles
      },
    });
    await eventually(() => (counter.counts.get(hung) ?? 0) >= 2, 'the hung event again', 8000);
    await eventually(() => counter.distinct() === 3, 'the rest');
    expect(errors.some((e) => e instanceof Error && /ack wait/.test(e.message))).toBe(true);
  });

  it('dead-letters a poison event with the reason after maxDeliver deliveries', async () => {
    const bus = await open();
    const events = await appendPlays(log.store, 5);
    await bus.publish(events);
    const poison = events[2];
    const counter = new DeliveryCounter();
    await bus.consume({
      durableName: 'poisoned',
      maxDeliver: 3,
      retryDelayMs: 50,
      handle: async (e) => {
        counter.record(e.eventId);
        if (e.eventId === poison.eventId) throw new Error('unknown track in TrackPlayed');
      },
    });
    let letters: Awaited<ReturnType<JetStreamEventBus['deadLetters']>> = [];
    for (let i = 0; i < 100 && letters.length === 0; i++) {
      letters = await bus.deadLetters('poisoned');
      if (letters.length === 0) await pause(100);
    }
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      durableName: 'poisoned',
      reason: 'unknown track in TrackPlayed',
      deliveries: 3,
    });
    expect(letters[0].event).toEqual(poison);
    await pause(500);
    expect(counter.counts.get(poison.eventId)).toBe(3);
    for (const e of events) if (e !== poison) expect(counter.counts.get(e.eventId)).toBe(1);
  });

  it('keeps consuming after a NATS server restart', async () => {
    const bus = await open();
    const consumer = await open();
    const before = await appendPlays(log.store, 10);
    await bus.publish(before);
    const counter = new DeliveryCounter();
    await consumer.consume({ durableName: 'survivor', handle: async (e) => counter.record(e.eventId) });
    await eventually(() => counter.distinct() === 10, 'events before the restart');

    await nats.restart();

    const after = await appendPlays(log.store, 10);
    await eventually(() => !bus.connection.isClosed(), 'connection');
    for (let attempt = 0; ; attempt++) {
      try {
        await bus.publish(after);
        break;
      } catch (error) {
        if (attempt > 20) throw error;
        await pause(250);
      }
    }
    await eventually(() => counter.distinct() === 20, 'events after the restart', 15_000);
    expect(await bus.lastPublishedPosition()).toBe(after.at(-1)?.position);
  });
});
