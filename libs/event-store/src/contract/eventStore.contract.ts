import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, verifyChain, type RecordedEvent } from '@qfzz/domain';
import { CatchUpSubscription } from '../catchUp/catchUpSubscription';
import { EventIdConflictError, isExpectedVersionConflict } from '../errors';
import type { EventStore, ReadAllOptions, ReplayEvent } from '../eventStore';
import { ANY_VERSION, NO_STREAM, STREAM_EXISTS } from '../expectedVersion';
import { CommitGate } from './commitGate';
import { anEvent, runHoleScenario } from './holeScenario';

export interface ContractSubject {
  store: EventStore;
  gate: CommitGate;
}

/**
 * The behaviour every EventStore adapter must show. Each adapter's spec calls
 * this with a factory that opens a fresh, empty store wired to the gate.
 */
export function describeEventStoreContract(
  adapterName: string,
  open: (gate: CommitGate) => Promise<EventStore>,
  teardown: (store: EventStore) => Promise<void> = (store) => store.close(),
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    let gate: CommitGate;
    const stream = () => `listener-${randomUUID()}`;
    // Optional in the port; every adapter here offers it.
    const readForReplay = (options: ReadAllOptions) => {
      if (!store.readAllForReplay) throw new Error(`${adapterName} has no readAllForReplay`);
      return store.readAllForReplay(options);
    };

    beforeEach(async () => {
      gate = new CommitGate();
      store = await open(gate);
    });
    afterEach(async () => teardown(store));

    describe('appending', () => {
      it('numbers a new stream 1, 2, 3 and moves positions forward', async () => {
        const id = stream();
        const first = await store.appendToStream(id, [anEvent(), anEvent()], { expectedVersion: NO_STREAM });
        const second = await store.appendToStream(id, [anEvent()], { expectedVersion: 2 });
        const events = await store.readStream(id);
        expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
        expect(first.nextExpectedVersion).toBe(2);
        expect(second.nextExpectedVersion).toBe(3);
        expect(second.lastPosition).toBeGreaterThan(first.lastPosition);
        expect(events[0].position).toBeLessThan(events[1].position);
      });

      it('keeps the data, type, schema version and metadata as given', async () => {
        const id = stream();
        const data = {
          track: { trackId: 't-1', genre: 'r&b', artist: 'R.E.M.' },
          weights: { 'st. louis': 0.5, $gt: 1 },
        };
        await store.appendToStream(id, [
          {
            eventId: 'e-keep-' + randomUUID(),
            type: 'TrackLiked',
            schemaVersion: 2,
            data,
            metadata: { occurredAt: '2026-01-02T03:04:05.000Z', correlationId: 'c-1', actor: 'listener-1' },
          },
        ]);
        const [event] = await store.readStream(id);
        expect(event.type).toBe('TrackLiked');
        expect(event.schemaVersion).toBe(2);
        expect(event.data).toEqual(data);
        expect(event.metadata).toMatchObject({
          occurredAt: '2026-01-02T03:04:05.000Z',
          correlationId: 'c-1',
          actor: 'listener-1',
        });
        expect(Date.parse(event.metadata.recordedAt)).not.toBeNaN();
      });

      it('rejects a wrong expected version with a conflict naming both versions, and writes nothing', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent()]);
        const attempt = store.appendToStream(id, [anEvent()], { expectedVersion: 5 });
        await expect(attempt).rejects.toThrow(/expected version 5, but it is at version 1/);
        await expect(attempt.catch((e) => isExpectedVersionConflict(e))).resolves.toBe(true);
        await expect(store.appendToStream(id, [anEvent()], { expectedVersion: NO_STREAM })).rejects.toThrow(
          /conflict|expected/i,
        );
        await expect(
          store.appendToStream(stream(), [anEvent()], { expectedVersion: STREAM_EXISTS }),
        ).rejects.toThrow(/expected version stream_exists/);
        expect((await store.readStream(id)).length).toBe(1);
      });

      it('lets exactly one of two racing writers take the same expected version', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent()]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 4 }, () => store.appendToStream(id, [anEvent()], { expectedVersion: 1 })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(
          outcomes.filter((o) => o.status === 'rejected' && isExpectedVersionConflict(o.reason)),
        ).toHaveLength(3);
        expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2]);
      });

      it('treats a repeated append of the same event ids as already done', async () => {
        const id = stream();
        const events = [anEvent(), anEvent()];
        const first = await store.appendToStream(id, events, { expectedVersion: NO_STREAM });
        const again = await store.appendToStream(id, events, { expectedVersion: NO_STREAM });
        expect(again.alreadyAppended).toBe(true);
        expect(again.lastPosition).toBe(first.lastPosition);
        expect(again.events.map((e) => e.hash)).toEqual(first.events.map((e) => e.hash));
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('refuses an append that mixes stored and new event ids, or reuses ids of another stream', async () => {
        const id = stream();
        const stored = anEvent();
        await store.appendToStream(id, [stored]);
        await expect(store.appendToStream(id, [stored, anEvent()])).rejects.toBeInstanceOf(
          EventIdConflictError,
        );
        await expect(store.appendToStream(stream(), [stored])).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('treats a repeat with no expected version as already done, alone or beside other appends', async () => {
        const id = stream();
        const events = [anEvent(), anEvent(), anEvent()];
        const first = await store.appendToStream(id, events);
        const [again, beside] = await Promise.all([
          store.appendToStream(id, events),
          store.appendToStream(id, [anEvent()]),
        ]);
        expect(again.alreadyAppended).toBe(true);
        expect(again.events.map((e) => e.position)).toEqual(first.events.map((e) => e.position));
        expect(beside.alreadyAppended).toBe(false);
        expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2, 3, 4]);
      });

      it('leaves nothing of an append whose stored id comes after new ones, and keeps positions gapless', async () => {
        const id = stream();
        const stored = anEvent();
        const before = await store.appendToStream(id, [stored]);
        await expect(
          store.appendToStream(id, [anEvent(), anEvent(), stored, anEvent()]),
        ).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await store.readStream(id)).toHaveLength(1);
        const next = await store.appendToStream(id, [anEvent()]);
        expect(next.events[0].version).toBe(2);
        expect(next.lastPosition).toBe(before.lastPosition + 1);
      });

      it('refuses empty appends and events without an id', async () => {
        await expect(store.appendToStream(stream(), [])).rejects.toThrow(/nothing to append/);
        await expect(store.appendToStream(stream(), [{ ...anEvent(), eventId: '' }])).rejects.toThrow(
          /eventId/,
        );
      });
    });

    describe('reading', () => {
      it('reads a stream from a version', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent(), anEvent(), anEvent()]);
        expect((await store.readStream(id, { fromVersion: 2 })).map((e) => e.version)).toEqual([2, 3]);
        expect(await store.readStream(stream())).toEqual([]);
        expect(await store.streamVersion(id)).toBe(3);
        expect(await store.streamVersion(stream())).toBe(0);
      });

      it('reads the whole log in position order, in batches from a checkpoint', async () => {
        const start = await store.headPosition();
        const [a, b] = [stream(), stream()];
        for (let i = 0; i < 5; i++) {
          await store.appendToStream(a, [anEvent('A', { i })]);
          await store.appendToStream(b, [anEvent('B', { i })]);
        }
        const seen: RecordedEvent[] = [];
        let checkpoint = start;
        for (;;) {
          const batch = await store.readAll({ after: checkpoint, limit: 3 });
          if (batch.events.length === 0) break;
          expect(batch.events.length).toBeLessThanOrEqual(3);
          seen.push(...batch.events);
          checkpoint = batch.nextPosition;
        }
        const mine = seen.filter((e) => e.streamId === a || e.streamId === b);
        expect(mine).toHaveLength(10);
        expect(mine.map((e) => `${e.type}${(e.data as { i: number }).i}`)).toEqual(
          [0, 1, 2, 3, 4].flatMap((i) => [`A${i}`, `B${i}`]),
        );
        const positions = seen.map((e) => e.position);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        expect(await store.headPosition()).toBe(checkpoint);
      });

      it('reads the log for a replay: the events, batches and checkpoints of readAll, without the hash chain', async () => {
        const start = await store.headPosition();
        const [a, b] = [stream(), stream()];
        for (let i = 0; i < 4; i++) {
          // A qfzz type with track data, so a store that seals personal data seals these.
          const liked = anEvent('TrackLiked', {
            track: { trackId: `t-${i}`, genre: 'jazz', artist: 'R.E.M.' },
          });
          await store.appendToStream(a, [
            { ...liked, metadata: { occurredAt: `2026-01-0${i + 1}T03:04:05.000Z`, actor: 'listener-1' } },
          ]);
          await store.appendToStream(b, [anEvent('B', { i }), anEvent('B', { i, again: true })]);
        }
        // What a replay folds of an event; the metadata a store adds beyond occurredAt is its own business.
        const folded = (e: ReplayEvent) => ({
          eventId: e.eventId,
          streamId: e.streamId,
          version: e.version,
          position: e.position,
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          occurredAt: e.metadata.occurredAt,
        });
        let batches = 0;
        for (let after = start; ; batches++) {
          const full = await store.readAll({ after, limit: 5 });
          const lean = await readForReplay({ after, limit: 5 });
          expect(lean.nextPosition).toBe(full.nextPosition);
          expect(lean.events.map(folded)).toEqual(full.events.map(folded));
          for (const event of lean.events) {
            expect(event).not.toHaveProperty('hash');
            expect(event).not.toHaveProperty('prevHash');
          }
          if (full.nextPosition === after) break;
          after = full.nextPosition;
        }
        expect(batches).toBe(3);
        const [first] = (await readForReplay({ after: start, limit: 1 })).events;
        expect(first.metadata.occurredAt).toBe('2026-01-01T03:04:05.000Z');
        expect(first.data).toEqual({ track: { trackId: 't-0', genre: 'jazz', artist: 'R.E.M.' } });
      });

      it('never hands a replay an event past a position that may still commit', async () => {
        const start = await store.headPosition();
        const tag = randomUUID();
        const slow = gate.hold(`slow-${tag}`);
        const slowAppend = store.appendToStream(`slow-${tag}`, [anEvent()]);
        await slow.reached;
        const fastAppend = store.appendToStream(`fast-${tag}`, [anEvent()]);
        await Promise.race([fastAppend, new Promise((resolve) => setTimeout(resolve, 150))]);
        const during = await readForReplay({ after: start, limit: 10 });
        expect(during).toEqual({ events: [], nextPosition: start });
        slow.release();
        await Promise.all([slowAppend, fastAppend]);
        const later = await readForReplay({ after: start, limit: 10 });
        expect(later.events.map((e) => e.streamId)).toEqual([`slow-${tag}`, `fast-${tag}`]);
      });
    });

    describe('hash chain', () => {
      it('links every event to the previous one in its stream', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent(), anEvent()]);
        await store.appendToStream(stream(), [anEvent()]);
        await store.appendToStream(id, [anEvent()], { expectedVersion: ANY_VERSION });
        const events = await store.readStream(id);
        expect(events[0].prevHash).toBe(GENESIS_HASH);
        expect(events[1].prevHash).toBe(events[0].hash);
        expect(events[2].prevHash).toBe(events[1].hash);
        expect(verifyChain(events)).toEqual({ ok: true, events: 3, headHash: events[2].hash });
      });
    });

    describe('catch-up readers and concurrent writers', () => {
      it('never steps past a position that commits later (the hole race)', async () => {
        const outcome = await runHoleScenario(store, gate);
        expect(outcome.slowPosition).toBeLessThan(outcome.fastPosition);
        expect(outcome.delivered).toEqual([outcome.slowPosition, outcome.fastPosition]);
      });

      it('delivers every event exactly once, in order, while several writers append out of step', async () => {
        gate.jitter(4);
        const start = await store.headPosition();
        const delivered: RecordedEvent[] = [];
        const reader = new CatchUpSubscription(store, {
          after: start,
          batchSize: 7,
          pollIntervalMs: 5,
          handle: (events) => {
            delivered.push(...events);
          },
        }).start();
        const writers = 6;
        const perWriter = 25;
        const shared = stream();
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const own = stream();
            for (let i = 0; i < perWriter; i++) {
              const target = i % 5 === 0 ? shared : own;
              await store.appendToStream(target, i % 7 === 0 ? [anEvent(), anEvent()] : [anEvent()], {
                expectedVersion: ANY_VERSION,
              });
            }
            return w;
          }),
        );
        const head = await store.headPosition();
        await reader.waitFor(head);
        await reader.stop();

        const all: RecordedEvent[] = [];
        for (let after = start; ; ) {
          const batch = await store.readAll({ after, limit: 500 });
          if (batch.nextPosition === after) break;
          all.push(...batch.events);
          after = batch.nextPosition;
        }
        const expectedCount = writers * (perWriter + Math.ceil(perWriter / 7));
        expect(all).toHaveLength(expectedCount);
        expect(delivered.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
        expect(new Set(delivered.map((e) => e.eventId)).size).toBe(expectedCount);
        const sharedEvents = await store.readStream(shared);
        expect(sharedEvents.map((e) => e.version)).toEqual(sharedEvents.map((_, i) => i + 1));
        expect(verifyChain(sharedEvents).ok).toBe(true);
      });
    });
  });
}
