/**
 * Catalog coverage: the share of the catalog that appears in at least one
 * user's recommendations. A recommender that shows everyone the same hits
 * covers almost nothing; the long tail only gets heard if this grows.
 */
export function catalogCoverage<T>(recommendations: Iterable<readonly T[]>, catalogSize: number): number {
  if (catalogSize <= 0) return 0;
  const seen = new Set<T>();
  for (const list of recommendations) for (const item of list) seen.add(item);
  return seen.size / catalogSize;
}
