/** Bulk endpoints take up to 5 MB of JSON; everything else 64 KB. */
export const BULK_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 64 * 1024;

const BULK_ROUTES = new Set(['/v1/listeners/:id/history', '/v1/catalog/tracks']);

export function bodyLimitFor(routeUrl: string | undefined): number {
  return routeUrl !== undefined && BULK_ROUTES.has(routeUrl) ? BULK_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}
