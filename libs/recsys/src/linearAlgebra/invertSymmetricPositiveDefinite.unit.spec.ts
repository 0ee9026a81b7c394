import { invertSymmetricPositiveDefinite } from './invertSymmetricPositiveDefinite';

describe('invertSymmetricPositiveDefinite', () => {
  it('inverts a 2×2 by hand: [[4,2],[2,3]]⁻¹ = [[3,-2],[-2,4]] / 8', () => {
    const inv = invertSymmetricPositiveDefinite(Float64Array.from([4, 2, 2, 3]), 2);
    [3 / 8, -2 / 8, -2 / 8, 4 / 8].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 12));
  });

  it('A × A⁻¹ = I for a Gram matrix plus λI', () => {
    const n = 30;
    const x = Array.from({ length: 40 }, (_, u) =>
      Array.from({ length: n }, (_, i) => ((u * 7 + i * 3) % 5 === 0 ? 1 : 0)),
    );
    const a = new Float64Array(n * n);
    for (const row of x)
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] += row[i] * row[j];
    for (let i = 0; i < n; i++) a[i * n + i] += 2;
    const inv = invertSymmetricPositiveDefinite(Float64Array.from(a), n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let m = 0; m < n; m++) s += a[i * n + m] * inv[m * n + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 9);
      }
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => invertSymmetricPositiveDefinite(Float64Array.from([0, 1, 1, 0]), 2)).toThrow(
      /positive definite/,
    );
  });
});
