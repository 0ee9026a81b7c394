const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two instants (0 on the same day or for a bad date). */
export function daysBetween(fromIso: string, now: Date): number {
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) return 0;
  return Math.max(0, Math.floor((now.getTime() - from) / DAY_MS));
}

/** How long a relationship has lasted, as the DJ would say it ("for 3 weeks"). */
export function relationshipLength(days: number): string {
  if (days < 1) return 'starting today';
  if (days < 2) return 'since yesterday';
  if (days < 14) return `for ${days} days`;
  if (days < 60) return `for ${Math.floor(days / 7)} weeks`;
  if (days < 730) return `for ${Math.floor(days / 30)} months`;
  return `for ${Math.floor(days / 365)} years`;
}
