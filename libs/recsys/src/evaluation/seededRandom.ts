/** A source of uniform numbers in [0, 1), like `Math.random`, but repeatable. */
export type RandomSource = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG with a good enough spread for shuffling.
 * The same seed gives the same sequence on every machine, which is what makes
 * an offline evaluation reproducible ("seed 1" means the same split for all).
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given random source. */
export function shuffleInPlace<T>(values: T[], random: RandomSource): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
