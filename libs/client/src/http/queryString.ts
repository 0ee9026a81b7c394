/** A query value the SDK sends; undefined leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined;

/** `?a=1&b=x` from the defined entries, or '' when there are none. */
export function queryString(params: Readonly<Record<string, QueryValue>> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One path segment, so an id can never add a segment or a query (`a/b`, `..`, `?`). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
