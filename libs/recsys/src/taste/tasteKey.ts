/**
 * Genre and mood keys meet lower-case and trimmed, so "Jazz" from a listener and
 * "jazz" from the catalog are the same key (the same rule as `@qfzz/domain`).
 * Artist names are not folded: they are keyed exactly as the catalog spells them.
 */
export function tasteKey(label: string): string {
  return label.trim().toLowerCase();
}
