/** Interaction counts the DJ celebrates. */
export const MILESTONES = [10, 50, 100, 500] as const;

/**
 * The milestone a listener has just reached, if any. "Just" is a window after
 * the milestone (a tenth of it, at least 5 interactions) so the greeting
 * celebrates it once in a while without keeping any state of its own.
 */
export function milestoneJustReached(interactionCount: number): number | undefined {
  for (let i = MILESTONES.length - 1; i >= 0; i--) {
    const milestone = MILESTONES[i];
    if (interactionCount >= milestone)
      return interactionCount < milestone + Math.max(5, milestone / 10) ? milestone : undefined;
  }
  return undefined;
}
