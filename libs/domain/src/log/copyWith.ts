/**
 * `{ ...base, ...changes }` for hot paths (every event, every request).
 *
 * On Node 20 (V8 11.3) an object literal that spreads and then adds
 * properties — `{ ...a, b }` or `{ ...a, ...b }` — kept what it referenced
 * alive through young-generation collections: everything such a copy pointed
 * at was promoted to the old generation, where only a full collection frees
 * it. The same copy made with `Object.assign` onto a fresh object, or
 * written out, dies young. Measurements: docs/adr/0008-what-kept-requests-alive.md.
 */
export function copyWith<T extends object, U extends object>(
  base: T | undefined,
  changes: U | undefined,
): T & U {
  return Object.assign({}, base, changes) as T & U;
}
