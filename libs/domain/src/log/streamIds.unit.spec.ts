import {
  CATALOG_STREAM_ID,
  InvalidStreamIdError,
  connectionStreamId,
  listenerStreamId,
  parseStreamId,
  streamKindOf,
} from './streamIds';

describe('stream ids', () => {
  it('names a listener stream listener-<id>', () => {
    expect(listenerStreamId('ann')).toBe('listener-ann');
  });

  it('names a connection the same whoever asked first', () => {
    expect(connectionStreamId('bob', 'ann')).toBe('connection-ann-bob');
    expect(connectionStreamId('ann', 'bob')).toBe('connection-ann-bob');
  });

  it('refuses a connection to oneself and ids outside the rule', () => {
    expect(() => connectionStreamId('ann', 'ann')).toThrow(InvalidStreamIdError);
    expect(() => listenerStreamId('has space')).toThrow(/1\.\.128 characters/);
    expect(() => connectionStreamId('ann', '')).toThrow(InvalidStreamIdError);
  });

  it('has one catalog stream', () => {
    expect(CATALOG_STREAM_ID).toBe('catalog');
  });

  it('parses what it builds', () => {
    expect(parseStreamId(listenerStreamId('a-b.c'))).toEqual({ kind: 'listener', ids: ['a-b.c'] });
    expect(parseStreamId(connectionStreamId('zed', 'ann'))).toEqual({
      kind: 'connection',
      ids: ['ann', 'zed'],
    });
    expect(parseStreamId(CATALOG_STREAM_ID)).toEqual({ kind: 'catalog', ids: [] });
  });

  it('parses a connection whose ids contain "-" when only one reading is ordered', () => {
    // connection-x-a-y: the reading (x, a-y) is not in order, so only (x-a, y) could have been built.
    expect(parseStreamId(connectionStreamId('y', 'x-a'))).toEqual({ kind: 'connection', ids: ['x-a', 'y'] });
  });

  it('refuses to guess when a connection id reads two ways', () => {
    expect(() => parseStreamId('connection-a-b-c')).toThrow(/ambiguous: \(a, b-c\) or \(a-b, c\)/);
  });

  it.each([
    '',
    'listener-',
    'listener-has space',
    'connection-ann',
    'connection-bob-ann',
    'connection-ann-ann',
    'catalogue',
    'orders-1',
  ])('refuses %j', (streamId) => {
    expect(() => parseStreamId(streamId)).toThrow(InvalidStreamIdError);
  });

  it('tells the kind without parsing the ids', () => {
    expect(streamKindOf('connection-a-b-c')).toBe('connection');
    expect(streamKindOf('listener-ann')).toBe('listener');
    expect(streamKindOf('catalog')).toBe('catalog');
    expect(streamKindOf('orders-1')).toBeUndefined();
  });
});
