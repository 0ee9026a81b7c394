import type { RandomSource } from '@qfzz/recsys';

/** A standard normal draw (Box–Muller) from a uniform source. */
export function normalSample(random: RandomSource): number {
  let u = random();
  while (u <= Number.EPSILON) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, 1) draw (Marsaglia–Tsang; shapes below 1 boosted by u^(1/shape)). */
export function gammaSample(shape: number, random: RandomSource): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) {
    let u = random();
    while (u <= Number.EPSILON) u = random();
    return gammaSample(shape + 1, random) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalSample(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(α, β) draw: the posterior a Thompson-sampling bandit samples per arm. */
export function betaSample(alpha: number, beta: number, random: RandomSource): number {
  const x = gammaSample(alpha, random);
  const y = gammaSample(beta, random);
  return x / (x + y);
}

/** FNV-1a over a string: a stable 32-bit seed for a request, so the same request explores the same way. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
