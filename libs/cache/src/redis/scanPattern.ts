/**
 * A SCAN MATCH pattern for "every key starting with `prefix`". Redis patterns
 * are globs, so a listener id or namespace containing `*`, `?`, `[` or `]`
 * would otherwise match (and delete) keys that do not share the prefix.
 */
export function prefixPattern(prefix: string): string {
  return prefix.replace(/[\\*?[\]]/g, (ch) => `\\${ch}`) + '*';
}
