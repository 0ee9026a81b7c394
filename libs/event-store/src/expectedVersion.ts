/**
 * What a writer believes about a stream before appending. Named states instead
 * of magic numbers, so a call site reads as a sentence.
 */
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;
export const ANY_VERSION = 'any' as const;

export type ExpectedVersion = number | typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY_VERSION;

/** `currentVersion` is 0 for a stream that has no events yet. */
export function matchesExpectedVersion(currentVersion: number, expected: ExpectedVersion): boolean {
  if (expected === ANY_VERSION) return true;
  if (expected === NO_STREAM) return currentVersion === 0;
  if (expected === STREAM_EXISTS) return currentVersion > 0;
  return currentVersion === expected;
}
