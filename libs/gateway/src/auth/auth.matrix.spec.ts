import { issueListenerToken } from './listenerToken';
import {
  call,
  startGatewayTestServer,
  TEST_ADMIN_TOKEN,
  type GatewayTestServer,
} from '../testing/gatewayTestServer';

describe('who may call what: listener tokens, the admin token, and nothing', () => {
  let server: GatewayTestServer;
  let ann: { listenerId: string; token: string };
  let bob: { listenerId: string; token: string };
  beforeAll(async () => {
    server = await startGatewayTestServer();
    ann = await server.register({ listenerId: 'ann', name: 'Ann' });
    bob = await server.register({ listenerId: 'bob' });
  });
  afterAll(() => server.close());

  // Every row has three entries: jest takes a shorter row's missing argument for a `done` callback.
  const listenerRoutes: [string, string, unknown][] = [
    ['GET', '/profile', undefined],
    ['PATCH', '/preferences', ['jazz']],
    ['GET', '/events', undefined],
    ['GET', '/insights', undefined],
    ['GET', '/trust', undefined],
    ['GET', '/verify', undefined],
    ['GET', '/dj', undefined],
    ['PUT', '/dj', { djId: 'ember' }],
    ['POST', '/interactions', { trackId: 't1', type: 'like' }],
    ['POST', '/history', { items: [{ trackId: 't1' }] }],
  ];

  it.each(listenerRoutes)(
    '%s /v1/listeners/{id}%s: none 401, malformed 401, forged 401, another listener 403, admin 403',
    async (method, path, body) => {
      const url = `${server.url}/v1/listeners/ann${path}`;
      const before = await server.head();
      const cases: [Record<string, string>, number][] = [
        [{}, 401],
        [{ authorization: ann.token }, 401], // no "Bearer"
        [{ authorization: 'Basic YW5uOnB3' }, 401],
        [{ authorization: `Bearer ${ann.token}x` }, 401],
        [{ authorization: `Bearer ${issueListenerToken('not-the-secret-0123456789', 'ann')}` }, 401],
        [{ authorization: `Bearer ${bob.token}` }, 403],
        [{ authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, 403],
      ];
      for (const [headers, status] of cases) {
        const response = await call(url, { method, headers, body });
        expect({ headers, status: response.status }).toEqual({ headers, status });
        expect(response.body).toEqual({
          statusCode: status,
          error: expect.any(String),
          message: expect.any(String),
        });
      }
      expect(await server.head()).toBe(before);
    },
  );

  it('lets the owner in', async () => {
    for (const [method, path, body] of listenerRoutes) {
      const response = await call(`${server.url}/v1/listeners/ann${path}`, {
        method,
        token: ann.token,
        body,
      });
      expect({ path, status: response.status }).toEqual({ path, status: method === 'POST' ? 202 : 200 });
    }
  });

  it('says 401 with a Bearer challenge, and which rule was broken', async () => {
    const none = await call(`${server.url}/v1/listeners/ann/profile`);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.body.message).toMatch(/missing bearer token/);
    const other = await call(`${server.url}/v1/listeners/ann/profile`, { token: bob.token });
    expect(other.body.message).toMatch(/another listener/);
  });

  it('keeps catalog writes and /v1/admin for the admin token', async () => {
    const routes: [string, string, unknown?][] = [
      ['POST', '/v1/catalog/tracks', { tracks: [{ trackId: 'x', title: 'X', artist: 'Y', genre: 'pop' }] }],
      ['POST', '/v1/admin/replay', {}],
      ['GET', '/v1/admin/replay/some-job'],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(`${server.url}${path}`, { method, body })).status).toBe(401);
      expect((await call(`${server.url}${path}`, { method, body, token: 'guess' })).status).toBe(401);
      expect((await call(`${server.url}${path}`, { method, body, token: ann.token })).status).toBe(403);
      expect(
        (await call(`${server.url}${path}`, { method, body, token: TEST_ADMIN_TOKEN })).status,
      ).not.toBeLessThan(200);
    }
    expect((await call(`${server.url}/v1/admin/replay/some-job`, { token: TEST_ADMIN_TOKEN })).status).toBe(
      404,
    );
  });

  it('leaves registration, the DJ list, the catalog listing, health and docs open', async () => {
    for (const path of ['/v1/djs', '/v1/catalog/tracks', '/health', '/ready', '/metrics', '/docs-json']) {
      expect({ path, status: (await call(`${server.url}${path}`)).status }).toEqual({ path, status: 200 });
    }
  });
});
