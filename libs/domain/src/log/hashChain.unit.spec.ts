import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';
import { GENESIS_HASH, hashEvent, verifyChain } from './hashChain';
import type { RecordedEvent } from './recordedEvent';

function chain(datas: unknown[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  datas.forEach((data, i) => {
    const content = {
      eventId: `e${i + 1}`,
      streamId: 'listener-ann',
      version: i + 1,
      type: 'TrackPlayed',
      schemaVersion: 1,
      data,
      metadata: { occurredAt: '2025-01-01T00:00:00.000Z', recordedAt: '2025-01-01T00:00:01.000Z' },
    };
    const hash = hashEvent(prevHash, content);
    events.push({ ...content, position: 100 + i, prevHash, hash });
    prevHash = hash;
  });
  return events;
}

const history = () => chain([{ n: 1 }, { n: 2 }, { n: 3 }]);

describe('verifyChain', () => {
  it('accepts an untouched stream and reports its head hash', () => {
    const events = history();
    expect(verifyChain(events)).toEqual({ ok: true, events: 3, headHash: events[2].hash });
  });

  it('accepts an empty stream with the genesis hash as head', () => {
    expect(verifyChain([])).toEqual({ ok: true, events: 0, headHash: GENESIS_HASH });
  });

  it('names the first event whose data was edited', () => {
    const events = history();
    events[1] = { ...events[1], data: { n: 20 } };
    const verdict = verifyChain(events);
    expect(verdict).toMatchObject({ ok: false, events: 1, brokenAt: { version: 2, eventId: 'e2' } });
    expect(verdict.ok || verdict.brokenAt.reason).toMatch(/hash does not match/);
  });

  it('names the event whose prevHash does not link to the one before', () => {
    const events = history();
    events[2] = { ...events[2], prevHash: GENESIS_HASH };
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      brokenAt: { version: 3, eventId: 'e3', reason: 'prevHash does not match the previous event' },
    });
  });

  it('names the event with the wrong version, e.g. one removed from the middle', () => {
    const events = history();
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      events: 1,
      brokenAt: { version: 3, eventId: 'e3', reason: 'expected version 2, found 3' },
    });
  });

  it('does not depend on position, which the store assigns after the stream order is fixed', () => {
    const events = history().map((event, i) => ({ ...event, position: 9000 + i }));
    expect(verifyChain(events).ok).toBe(true);
  });

  it('does not depend on the order keys were stored in', () => {
    const events = history();
    const [first] = events;
    const reordered = {
      ...first,
      metadata: { recordedAt: first.metadata.recordedAt, occurredAt: first.metadata.occurredAt },
    };
    expect(verifyChain([reordered, ...events.slice(1)]).ok).toBe(true);
  });

  it('hashes exactly sha256(prevHash + canonicalJson(content)), the definition older logs were written with', () => {
    const contents = [
      {
        eventId: 'e1',
        streamId: 'listener-ann',
        version: 1,
        type: 'T',
        schemaVersion: 1,
        data: { b: 1, a: [2, { d: null, c: 'é"' }] },
        metadata: { z: 'x', occurredAt: '2025-01-01T00:00:00.000Z' },
      },
      { eventId: 'e2', streamId: 's', version: 2, type: 'T', schemaVersion: 3, data: 'plain', metadata: {} },
      {
        eventId: 'e3',
        streamId: 's',
        version: 3,
        type: 'T',
        schemaVersion: 1,
        data: undefined,
        metadata: { a: undefined },
      },
      {
        eventId: 'e4',
        streamId: 's',
        version: 4,
        type: 'T',
        schemaVersion: 1,
        data: { alg: 'A', ct: 'c', iv: 'i', kid: 'k', qfzzSealed: 1, tag: 't' },
        metadata: { correlationId: 'r', occurredAt: 'o', recordedAt: 'r' },
      },
    ];
    for (const content of contents) {
      const expected = createHash('sha256').update(GENESIS_HASH).update(canonicalJson(content)).digest('hex');
      expect(hashEvent(GENESIS_HASH, content as never)).toBe(expected);
    }
  });
});
