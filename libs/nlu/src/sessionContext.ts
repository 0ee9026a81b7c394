import type { Understanding } from './understanding';

/**
 * What the DJ remembers of the conversation so far, so "maybe some
 * electronic?" after "I'm in a great mood" means happy electronic. Plain data
 * (store it anywhere, JSON-safe); bounded in turns and in time.
 */
export interface SessionContext {
  /** Newest last; at most `maxTurns`. */
  readonly turns: readonly ContextTurn[];
  /** Epoch milliseconds of the latest turn. */
  readonly updatedAt: number;
}

export interface ContextTurn {
  readonly at: number;
  readonly understanding: Understanding;
}

export interface ContextLimits {
  /** A conversation idle this long starts over. */
  expiresAfterMs: number;
  maxTurns: number;
}

export const DEFAULT_CONTEXT_LIMITS: ContextLimits = { expiresAfterMs: 30 * 60 * 1000, maxTurns: 8 };

export function emptyContext(now: number): SessionContext {
  return { turns: [], updatedAt: now };
}

export function isExpired(
  context: SessionContext,
  now: number,
  limits: ContextLimits = DEFAULT_CONTEXT_LIMITS,
): boolean {
  return now - context.updatedAt > limits.expiresAfterMs;
}

/** The context after one more message; an expired one is dropped first. */
export function nextContext(
  previous: SessionContext | undefined,
  understanding: Understanding,
  now: number,
  limits: ContextLimits = DEFAULT_CONTEXT_LIMITS,
): SessionContext {
  const kept = previous && !isExpired(previous, now, limits) ? previous.turns : [];
  const turns = [...kept, { at: now, understanding }].slice(-limits.maxTurns);
  return { turns, updatedAt: now };
}

/** The newest value a field had in the remembered turns. */
export function latest<K extends keyof Understanding>(
  context: SessionContext,
  field: K,
): Understanding[K] | undefined {
  for (let index = context.turns.length - 1; index >= 0; index -= 1) {
    const value = context.turns[index].understanding[field];
    if (value !== undefined) return value;
  }
  return undefined;
}
