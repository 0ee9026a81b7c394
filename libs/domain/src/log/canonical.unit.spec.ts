import { canonicalJson } from './canonical';

describe('canonicalJson', () => {
  it('gives the same string whatever order the keys were written in', () => {
    const a = { b: 1, a: { y: [1, { q: true, p: null }], x: 'x' } };
    const b = { a: { x: 'x', y: [1, { p: null, q: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":null,"q":true}]},"b":1}');
  });

  it('drops undefined members, so an absent field and an undefined one hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('keeps array order, because order in a list is meaning', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('writes dates as ISO strings', () => {
    expect(canonicalJson({ at: new Date('2025-01-01T00:00:00Z') })).toBe('{"at":"2025-01-01T00:00:00.000Z"}');
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });
});
