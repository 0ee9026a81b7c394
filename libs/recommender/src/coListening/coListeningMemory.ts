/**
 * What the co-listening model costs in memory, roughly, and what it gives up
 * first to fit a budget (`QFZZ_MAX_MEMORY_MB` in edge mode): the seed's
 * EdgeOptimizer idea — keep less detail, say so — for this model.
 *
 * The byte figures are Node 20 heap sizes, measured (`coListening.memoryBudget.spec.ts`
 * holds the estimate to the heap within a factor of two).
 */

/** One pair count: an entry of a `Map<number, number>` (36-48 bytes measured). */
export const BYTES_PER_PAIR = 40;
/** A track's own cost, whatever it keeps: its id, its map, its counts. */
export const BYTES_PER_TRACK = 200;
/** A listener's own cost: their state object, its map entry, two arrays. */
export const BYTES_PER_LISTENER = 200;
/** One track id in a listener's recent positives or heard list (a small integer and array slack). */
export const BYTES_PER_REMEMBERED = 9;

/** The settings a budget may lower, and how far. */
export interface CoListeningLimits {
  /** Neighbours kept per track. */
  maxNeighbours: number;
  /** Tracks remembered per listener as heard (for `exclude: played`). */
  heardSize: number;
  /** A listener's positives paired with each new one. */
  windowSize: number;
}

export const LIMIT_FLOORS: CoListeningLimits = { maxNeighbours: 20, heardSize: 50, windowSize: 10 };

export interface CoListeningUsage {
  pairs: number;
  tracks: number;
  listeners: number;
  /** Track ids held in every listener's recent and heard lists together. */
  remembered: number;
}

export function estimateCoListeningBytes(usage: CoListeningUsage): number {
  return (
    usage.pairs * BYTES_PER_PAIR +
    usage.tracks * BYTES_PER_TRACK +
    usage.listeners * BYTES_PER_LISTENER +
    usage.remembered * BYTES_PER_REMEMBERED
  );
}

/** One step down: a setting halved (not below its floor). */
export interface LimitStep {
  setting: keyof CoListeningLimits;
  from: number;
  to: number;
}

/**
 * The next setting to lower: from whichever part of the model takes more
 * memory, pair counts (fewer neighbours per track) or listeners' lists (a
 * shorter heard list first, then a shorter window). Undefined when every
 * setting that could help is at its floor.
 */
export function nextLimitStep(limits: CoListeningLimits, usage: CoListeningUsage): LimitStep | undefined {
  const halve = (setting: keyof CoListeningLimits): LimitStep | undefined => {
    const from = limits[setting];
    const to = Math.max(LIMIT_FLOORS[setting], Math.floor(from / 2));
    return to < from ? { setting, from, to } : undefined;
  };
  const pairBytes = usage.pairs * BYTES_PER_PAIR;
  const listBytes = usage.remembered * BYTES_PER_REMEMBERED;
  const fromPairs = halve('maxNeighbours');
  const fromLists = halve('heardSize') ?? halve('windowSize');
  return pairBytes >= listBytes ? (fromPairs ?? fromLists) : (fromLists ?? fromPairs);
}

/** The model's share of a device's memory budget (`QFZZ_MAX_MEMORY_MB`): a quarter, as the profile cache's. */
export function coListeningBudgetBytes(maxMemoryMb: number | undefined): number | undefined {
  return maxMemoryMb === undefined ? undefined : Math.max(1, Math.floor((maxMemoryMb / 4) * 1024 * 1024));
}

const SETTING_NAMES: Record<keyof CoListeningLimits, string> = {
  maxNeighbours: 'neighbours kept per track',
  heardSize: 'tracks remembered as heard per listener',
  windowSize: 'recent positives paired per listener',
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What the model gave up to stay within its memory budget, or that it could give up nothing more. */
export type CoListeningGiveUp =
  | (LimitStep & { kind: 'lowered'; estimatedBytes: number; budgetBytes: number })
  | { kind: 'at-floors'; estimatedBytes: number; budgetBytes: number };

/** A log line for what the model gave up. */
export function describeGiveUp(giveUp: CoListeningGiveUp): string {
  const size = `~${megabytes(giveUp.estimatedBytes)} of a ${megabytes(giveUp.budgetBytes)} budget`;
  if (giveUp.kind === 'at-floors')
    return `co-listening model: still over its memory budget at its smallest settings (${size}); raise QFZZ_MAX_MEMORY_MB`;
  return `co-listening model: ${SETTING_NAMES[giveUp.setting]} ${giveUp.from} -> ${giveUp.to} to fit its memory budget (${size})`;
}
