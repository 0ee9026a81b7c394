import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with the real one in constant time. Both are
 * hashed first, so neither the length nor a common prefix leaks through timing.
 */
export function secretsMatch(presented: string, actual: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(actual).digest();
  return timingSafeEqual(a, b) && actual.length > 0;
}
