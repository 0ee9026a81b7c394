/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped.
 * Two structurally equal values always give the same string, so a hash over it
 * does not depend on how a store happened to order a document's fields.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    }
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // Loops and one string, not filter/map/join: every append hashes each event through here.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // A flat object whose keys are already in order is its own canonical form: let the native writer do it.
  if (isSortedAndFlat(record, keys)) return JSON.stringify(record);
  keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/** A value JSON writes as itself and reads back the same: a string, a finite number, a boolean or null. */
export function isJsonScalar(value: unknown): boolean {
  const kind = typeof value;
  return (
    kind === 'string' || kind === 'boolean' || value === null || (kind === 'number' && Number.isFinite(value))
  );
}

function isSortedAndFlat(record: Record<string, unknown>, keys: string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i - 1] > keys[i]) return false;
    if (!isJsonScalar(record[keys[i]])) return false;
  }
  return true;
}
