/**
 * A listener's stated list (`["Jazz ", "deep house", "jazz"]`) becomes the
 * same genre keys the catalog uses, which are lower-case, so "Jazz" and "jazz"
 * never count twice.
 */
export function normalizeStatedWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const word of words) {
    const normalized = word.trim().toLowerCase();
    if (normalized !== '') seen.add(normalized);
  }
  return [...seen];
}
