/**
 * The phrasing engine's only source of variety: a hash of the listener and how
 * many messages they have sent. The same listener at the same point of the
 * conversation always hears the same words (tests are stable, a retried
 * request gets the same reply); the next message usually sounds different.
 */
export interface PhrasingSeed {
  readonly value: number;
}

/** FNV-1a, 32 bit: small, fast and well spread for short strings. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function phrasingSeed(listenerId: string, messageCount: number): PhrasingSeed {
  return { value: fnv1a(`${listenerId}#${messageCount}`) };
}

/** A different but equally fixed number for each slot of one reply, so two tables do not move in lockstep. */
export function slotNumber(seed: PhrasingSeed, slot: string): number {
  return fnv1a(`${seed.value}:${slot}`);
}
