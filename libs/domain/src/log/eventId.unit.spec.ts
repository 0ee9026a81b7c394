import { newEventId } from './eventId';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newEventId', () => {
  it('is a version 7 UUID with the RFC 9562 variant', () => {
    for (let i = 0; i < 1000; i++) expect(newEventId()).toMatch(UUID_V7);
  });

  it('begins with the millisecond it was made, so ids sort by when they were made', () => {
    const at = Date.parse('2026-11-26T05:00:00.000Z');
    const id = newEventId(at);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    const later = [at + 1, at + 1000, at + 86_400_000].map((t) => newEventId(t));
    expect([...later, id].sort()).toEqual([id, ...later]);
  });

  it('never repeats, within a millisecond and across refills of the random pool', () => {
    const at = Date.now();
    const ids = Array.from({ length: 100_000 }, () => newEventId(at));
    expect(new Set(ids).size).toBe(ids.length);
    // Within one millisecond only the 74 random bits tell ids apart.
    const tails = new Set(ids.map((id) => id.slice(14)));
    expect(tails.size).toBe(ids.length);
  });
});
