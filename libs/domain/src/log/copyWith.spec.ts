import { copyWith } from './copyWith';

describe('copyWith', () => {
  it('is the spread it replaces: a new object, later keys winning, the original untouched', () => {
    const event = { eventId: 'e1', data: { n: 1 }, metadata: { actor: 'a' } };
    const copy = copyWith(event, { data: { n: 2 }, position: 7 });
    expect(copy).toEqual({ ...event, data: { n: 2 }, position: 7 });
    expect(Object.keys(copy)).toEqual(['eventId', 'data', 'metadata', 'position']);
    expect(copy).not.toBe(event);
    expect(event).toEqual({ eventId: 'e1', data: { n: 1 }, metadata: { actor: 'a' } });
    expect(copy.metadata).toBe(event.metadata);
  });

  it('takes a missing base or a missing change as empty, like spreading undefined', () => {
    expect(copyWith(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(copyWith({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
