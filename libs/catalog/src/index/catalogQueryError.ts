/**
 * A query the catalog refuses (bad limit, bad cursor, malformed request).
 * Its `code` travels over the query bus; the gateway answers 400 for it.
 */
export class CatalogQueryError extends Error {
  override readonly name = 'CatalogQueryError';
  constructor(
    message: string,
    readonly code: 'INVALID_ARGUMENT' = 'INVALID_ARGUMENT',
  ) {
    super(message);
  }
}

export function isCatalogQueryError(error: unknown): error is CatalogQueryError {
  return (
    error instanceof CatalogQueryError || (error as { code?: unknown } | null)?.code === 'INVALID_ARGUMENT'
  );
}
