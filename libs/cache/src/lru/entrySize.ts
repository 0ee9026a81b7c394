/**
 * Bytes charged for the bookkeeping of one entry beyond its strings: the Map
 * slot, the entry object and its fields, and the string headers. A rough
 * figure for V8 on 64-bit; what matters is that many tiny entries cannot
 * look free.
 */
export const ENTRY_OVERHEAD_BYTES = 96;

/**
 * The memory an entry is charged against the budget. JS strings are UTF-16
 * (V8 stores Latin-1 in one byte, but two is the safe upper bound), so each
 * character of the key and of the JSON counts 2 bytes.
 */
export function estimateEntryBytes(key: string, json: string): number {
  return (key.length + json.length) * 2 + ENTRY_OVERHEAD_BYTES;
}
