import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEdgeTestApp, type EdgeTestApp } from './testing/edgeTestApp';

/** `VERB /path` as API.md writes it in its tables, query strings left out. */
function apiMdRoutes(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(
    /`((?:GET|POST|PUT|PATCH|DELETE)(?:, (?:GET|POST|PUT|PATCH|DELETE))*)? ?(\/[^`?\s]*)`/g,
  )) {
    if (!match[1]) continue;
    for (const verb of match[1].split(', ')) found.add(`${verb.toLowerCase()} ${match[2]}`);
  }
  // "`GET /v1/djs`, `PUT /v1/listeners/{id}/dj`" and "`GET /health`, `GET /ready`, ..." are separate spans already.
  return [...found].sort();
}

/** API.md's routes (a copy, checked against the file when it is there: ../shared/design/API.md). */
const API_MD_ROUTES = [
  'delete /v1/listeners/{id}',
  'delete /v1/listeners/{id}/community/{friendId}',
  'get /docs',
  'get /docs-json',
  'get /health',
  'get /metrics',
  'get /ready',
  'get /v1/admin/replay/{jobId}',
  'get /v1/catalog/tracks',
  'get /v1/djs',
  'get /v1/listeners/{id}/community',
  'get /v1/listeners/{id}/events',
  'get /v1/listeners/{id}/greeting',
  'get /v1/listeners/{id}/insights',
  'get /v1/listeners/{id}/playlist',
  'get /v1/listeners/{id}/profile',
  'get /v1/listeners/{id}/stream',
  'get /v1/listeners/{id}/trust',
  'get /v1/listeners/{id}/verify',
  'patch /v1/listeners/{id}/preferences',
  'post /v1/admin/replay',
  'post /v1/catalog/tracks',
  'post /v1/listeners',
  'post /v1/listeners/{friendId}/community/{id}/accept',
  'post /v1/listeners/{id}/community',
  'post /v1/listeners/{id}/history',
  'post /v1/listeners/{id}/interactions',
  'post /v1/listeners/{id}/messages',
  'put /v1/listeners/{id}/dj',
];

describe('edge mode publishes every route of API.md in its OpenAPI document', () => {
  let edge: EdgeTestApp;
  beforeAll(async () => (edge = await startEdgeTestApp()));
  afterAll(() => edge.close());

  it('keeps the copy of API.md routes true to the file', () => {
    const file = join(__dirname, '../../../../shared/design/API.md');
    if (!existsSync(file)) return; // a checkout without the design folder: the copy stands
    expect(apiMdRoutes(readFileSync(file, 'utf8'))).toEqual(API_MD_ROUTES);
  });

  it('lists every path and verb of API.md at /docs-json', async () => {
    const docs = await edge.call('/docs-json');
    expect(docs.status).toBe(200);
    const listed = new Set(
      Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((verb) => `${verb} ${path}`),
      ),
    );
    const missing = API_MD_ROUTES.filter(
      (route) => !['get /docs', 'get /docs-json'].includes(route) && !listed.has(route),
    );
    expect(missing).toEqual([]);
    expect((await fetch(`${edge.url}/docs`)).status).toBe(200);
  });
});
