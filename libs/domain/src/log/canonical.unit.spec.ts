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

  it('writes exactly what JSON.stringify writes once keys are sorted (hashes of existing logs stay valid)', () => {
    // Reference: sort keys recursively, drop undefined members, then let JSON.stringify write it.
    const sorted = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map((item) => (item === undefined ? null : sorted(item)));
      if (v === null || typeof v !== 'object' || v instanceof Date) return v;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort())
        if ((v as Record<string, unknown>)[key] !== undefined) out[key] = sorted((v as Record<string, unknown>)[key]);
      return out;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const value = (depth: number): unknown => {
      const roll = random();
      if (depth > 3 || roll < 0.3) return [1.5, -2, 'tab\t "quoted" é ☃', true, null, undefined][Math.floor(random() * 6)];
      if (roll < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      // No integer-like keys: a JS object would list those first, whatever the reference sorted.
      const keys = ['z', 'a', 'Ä', 'b-c', 'B', 'x10', 'x9', 'ké'];
      return Object.fromEntries(keys.filter(() => random() < 0.5).map((k) => [k, value(depth + 1)]));
    };
    const flat = (): unknown => {
      const out: Record<string, unknown> = {};
      for (const key of ['a', 'b', 'c', 'd'].filter(() => random() < 0.7))
        out[key] = ['x', 'é"\\', 0.25, -3, false, null, undefined, Number.MAX_VALUE][Math.floor(random() * 8)];
      return random() < 0.3 ? Object.fromEntries(Object.entries(out).reverse()) : out;
    };
    for (let i = 0; i < 300; i++) {
      const v = { c: flat(), a: [flat(), flat()], b: flat() };
      expect(canonicalJson(v)).toBe(JSON.stringify(sorted(v)));
    }
    for (let i = 0; i < 500; i++) {
      const v = { eventId: `e-${i}`, data: value(0), metadata: { occurredAt: new Date(i * 1000) } };
      expect(canonicalJson(v)).toBe(JSON.stringify(sorted(v)));
    }
  });
});
