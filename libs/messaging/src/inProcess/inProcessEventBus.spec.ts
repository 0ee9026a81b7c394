import type { RecordedEvent } from '@qfzz/domain';
import {
  appendConnection,
  appendPlays,
  DeliveryCounter,
  eventually,
  openTempLog,
  pause,
  type TempLog,
} from '../testSupport/logFixture';
import { InMemoryCheckpointStore } from './checkpointStore';
import { InProcessEventBus } from './inProcessEventBus';

jest.setTimeout(20_000);

describe('InProcessEventBus (edge mode: the SQLite log is the bus)', () => {
  let log: TempLog;
  let bus: InProcessEventBus;

  beforeEach(() => {
    log = openTempLog();
  });
  afterEach(async () => {
    await bus?.close();
    await log.close();
  });

  it('publish is a no-op; consumers follow the log by stream kind; lastPublishedPosition is the head', async () => {
    bus = new InProcessEventBus(log.store, { pollIntervalMs: 20 });
    const plays = await appendPlays(log.store, 10);
    const friendship = await appendConnection(log.store);
    await bus.publish([...plays, friendship]);
    expect(await bus.lastPublishedPosition()).toBe(friendship.position);

    const received: RecordedEvent[] = [];
    await bus.consume({
      durableName: 'profiles',
      streamKind: 'listener',
      handle: async (e) => void received.push(e),
    });
    await eventually(() => received.length === 10, 'the plays');
    const live = await appendPlays(log.store, 3);
    await eventually(() => received.length === 13, 'live appends');
    expect(received.map((e) => e.eventId)).toEqual([...plays, ...live].map((e) => e.eventId));
  });

  it('shares a durable between consumers and resumes from the stored checkpoint', async () => {
    const checkpoints = new InMemoryCheckpointStore();
    bus = new InProcessEventBus(log.store, { checkpoints, pollIntervalMs: 20, readBatchSize: 7 });
    const events = await appendPlays(log.store, 40);
    const counter = new DeliveryCounter();
    const shares = [0, 0];
    const members = await Promise.all(
      shares.map((_, i) =>
        bus.consume({
          durableName: 'shared',
          handle: async (e) => {
            counter.record(e.eventId);
            shares[i]++;
          },
        }),
      ),
    );
    await eventually(() => counter.distinct() === 40, 'all events');
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares[1]).toBeGreaterThan(0);
    expect(counter.total()).toBe(40);
    await Promise.all(members.map((m) => m.stop()));
    expect(await checkpoints.get('shared')).toBe(events.at(-1)?.position);

    const more = await appendPlays(log.store, 5);
    const later: string[] = [];
    await bus.consume({ durableName: 'shared', handle: async (e) => void later.push(e.eventId) });
    await eventually(() => later.length === 5, 'only the new events');
    expect(later).toEqual(more.map((e) => e.eventId));
  });

  it('retries a failing handler, then records a dead letter with the reason and moves on', async () => {
    const dead: string[] = [];
    bus = new InProcessEventBus(log.store, {
      pollIntervalMs: 20,
      onDeadLetter: (l) => dead.push(l.event.eventId),
    });
    const events = await appendPlays(log.store, 4);
    const poison = events[1];
    const counter = new DeliveryCounter();
    await bus.consume({
      durableName: 'strict',
      maxDeliver: 3,
      retryDelayMs: 10,
      handle: async (e) => {
        counter.record(e.eventId);
        if (e.eventId === poison.eventId) throw new Error('cannot fold this');
      },
    });
    await eventually(() => counter.distinct() === 4, 'every event');
    expect(counter.counts.get(poison.eventId)).toBe(3);
    expect(bus.deadLetters('strict')).toEqual([
      { event: poison, durableName: 'strict', reason: 'cannot fold this', deliveries: 3 },
    ]);
    expect(dead).toEqual([poison.eventId]);
  });

  it('treats a handler that hangs past ackWaitMs as a failed attempt', async () => {
    bus = new InProcessEventBus(log.store, { pollIntervalMs: 20 });
    const [event] = await appendPlays(log.store, 1);
    const counter = new DeliveryCounter();
    await bus.consume({
      durableName: 'slow',
      ackWaitMs: 200,
      retryDelayMs: 10,
      handle: async (e) => {
        counter.record(e.eventId);
        if (counter.counts.get(e.eventId) === 1) await new Promise(() => undefined);
      },
    });
    await eventually(() => counter.counts.get(event.eventId) === 2, 'a second attempt');
    await pause(100);
    expect(bus.deadLetters()).toEqual([]);
  });
});
