import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

const IMPLEMENTED: Record<string, string[]> = {
  '/health': ['get'],
  '/ready': ['get'],
  '/metrics': ['get'],
  '/v1/listeners': ['post'],
  '/v1/listeners/{id}': ['delete'],
  '/v1/listeners/{id}/profile': ['get'],
  '/v1/listeners/{id}/preferences': ['patch'],
  '/v1/listeners/{id}/events': ['get'],
  '/v1/listeners/{id}/insights': ['get'],
  '/v1/listeners/{id}/trust': ['get'],
  '/v1/listeners/{id}/verify': ['get'],
  '/v1/listeners/{id}/dj': ['get', 'put'],
  '/v1/listeners/{id}/greeting': ['get'],
  '/v1/listeners/{id}/messages': ['post'],
  '/v1/listeners/{id}/playlist': ['get'],
  '/v1/listeners/{id}/community': ['get', 'post'],
  '/v1/listeners/{id}/community/{friendId}': ['delete'],
  '/v1/listeners/{friendId}/community/{id}/accept': ['post'],
  '/v1/listeners/{friendId}/community/{id}/decline': ['post'],
  '/v1/listeners/{id}/stream': ['get'],
  '/v1/listeners/{id}/interactions': ['post'],
  '/v1/listeners/{id}/history': ['post'],
  '/v1/djs': ['get'],
  '/v1/catalog/tracks': ['get', 'post'],
  '/v1/admin/replay': ['post'],
  '/v1/admin/replay/{jobId}': ['get'],
};

describe('OpenAPI at /docs and /docs-json', () => {
  let server: GatewayTestServer;
  beforeAll(async () => (server = await startGatewayTestServer()));
  afterAll(() => server.close());

  it('lists every implemented path and verb, and nothing else', async () => {
    const { status, body } = await call(`${server.url}/docs-json`);
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    const listed = Object.fromEntries(
      Object.entries(body.paths as Record<string, object>).map(([path, ops]) => [
        path,
        Object.keys(ops).sort(),
      ]),
    );
    expect(listed).toEqual(IMPLEMENTED);
  });

  it('derives request bodies from the zod schemas, with their limits', async () => {
    const { body } = await call(`${server.url}/docs-json`);
    const interaction = body.paths['/v1/listeners/{id}/interactions'].post;
    const schema = interaction.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['trackId', 'type']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.type.enum).toEqual(['play', 'skip', 'like', 'favorite', 'rate']);
    expect(schema.properties.rating).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
    expect(schema.properties.trackId).toMatchObject({ type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' });
    expect(schema.properties.context.properties.hour).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 23,
    });
    expect(Object.keys(interaction.responses).sort()).toEqual([
      '202',
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
      '429',
      '503',
    ]);
    expect(interaction.security).toEqual([{ listener: [] }]);
    const history =
      body.paths['/v1/listeners/{id}/history'].post.requestBody.content['application/json'].schema;
    expect(history.properties.items.maxItems).toBe(10_000);
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await fetch(`${server.url}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/swagger-ui/i);
  });
});
