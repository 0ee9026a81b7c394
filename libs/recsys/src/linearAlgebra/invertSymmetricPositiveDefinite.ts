/**
 * Inverts a dense symmetric positive-definite n×n matrix (row-major) in place
 * by Gauss–Jordan elimination. No pivoting is needed: on an SPD matrix every
 * pivot stays positive (a Gram matrix plus λ·I is SPD for any λ > 0).
 *
 * Cost n³ multiply-adds with contiguous inner loops — about 10–30 s for
 * n = 3000 in V8, which is why callers cap n. Throws on a non-positive pivot,
 * which means the input was not SPD.
 */
export function invertSymmetricPositiveDefinite<T extends Float64Array>(a: T, n: number): T {
  if (a.length !== n * n) throw new Error(`expected ${n}x${n} values, got ${a.length}`);
  const pivotRow = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const kk = k * n;
    const pivot = a[kk + k];
    if (!(pivot > 0)) throw new Error(`matrix is not positive definite (pivot ${pivot} at ${k})`);
    const inv = 1 / pivot;
    a[kk + k] = 1;
    for (let j = 0; j < n; j++) a[kk + j] *= inv;
    pivotRow.set(a.subarray(kk, kk + n));
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const ii = i * n;
      const f = a[ii + k];
      if (f === 0) continue;
      a[ii + k] = 0;
      for (let j = 0; j < n; j++) a[ii + j] -= f * pivotRow[j];
    }
  }
  return a;
}
