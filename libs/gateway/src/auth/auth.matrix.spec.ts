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
    await server.register({ listenerId: 'cat' });
    const asked = await call(`${server.url}/v1/listeners/bob/community`, {
      method: 'POST',
      token: bob.token,
      body: { friendId: 'ann' },
    });
    expect(asked.status).toBe(202);
  });
  afterAll(() => server.close());

  // [method, path under /v1/listeners/ann, body, what the owner gets], in the order the owner calls them
  // (bob has asked ann to connect; forgetting comes last).
  const listenerRoutes: [string, string, unknown, number][] = [
    ['GET', '/profile', undefined, 200],
    ['PATCH', '/preferences', ['jazz'], 200],
    ['GET', '/events', undefined, 200],
    ['GET', '/insights', undefined, 200],
    ['GET', '/trust', undefined, 200],
    ['GET', '/verify', undefined, 200],
    ['GET', '/dj', undefined, 200],
    ['PUT', '/dj', { djId: 'ember' }, 200],
    ['POST', '/interactions', { trackId: 't1', type: 'like' }, 202],
    ['POST', '/history', { items: [{ trackId: 't1' }] }, 202],
    ['GET', '/greeting', undefined, 200],
    ['POST', '/messages', { text: 'hello there' }, 200],
    ['GET', '/playlist?size=5', undefined, 200],
    ['GET', '/stream', undefined, 200],
    ['GET', '/community', undefined, 200],
    ['POST', '/community', { friendId: 'cat' }, 202],
    // ann accepts bob's request: only ann's token may (bob's own token is "another listener": 403)
    ['POST', '/community/bob/accept', undefined, 202],
    ['DELETE', '/community/bob', undefined, 204],
    ['DELETE', '', undefined, 202],
  ];

  it.each(listenerRoutes)(
    '%s /v1/listeners/{id}%s: none 401, malformed 401, forged 401, another listener 403, admin 403',
    async (method, path, body, _ownerStatus) => {
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
    for (const [method, path, body, status] of listenerRoutes) {
      if (path === '/stream') {
        const controller = new AbortController();
        const response = await fetch(`${server.url}/v1/listeners/ann/stream`, {
          headers: { authorization: `Bearer ${ann.token}` },
          signal: controller.signal,
        });
        expect({ path, status: response.status }).toEqual({ path, status });
        controller.abort();
        continue;
      }
      const response = await call(`${server.url}/v1/listeners/ann${path}`, {
        method,
        token: ann.token,
        body,
      });
      expect({ path, status: response.status, body: response.body }).toEqual({
        path,
        status,
        body: response.body,
      });
    }
    // forgotten: the same genuine token now finds nobody
    const gone = await call(`${server.url}/v1/listeners/ann/profile`, { token: ann.token });
    expect(gone.status).toBe(404);
  });

  it('keeps accepting for the one who was asked: the asker, a third listener and the admin get 403', async () => {
    const dan = await server.register({ listenerId: 'dan' });
    const eve = await server.register({ listenerId: 'eve' });
    expect(
      (
        await call(`${server.url}/v1/listeners/dan/community`, {
          method: 'POST',
          token: dan.token,
          body: { friendId: 'eve' },
        })
      ).status,
    ).toBe(202);
    const before = await server.head();
    for (const token of [dan.token, bob.token, TEST_ADMIN_TOKEN]) {
      const response = await call(`${server.url}/v1/listeners/eve/community/dan/accept`, {
        method: 'POST',
        token,
      });
      expect(response.status).toBe(403);
    }
    // The asker cannot accept their own request on their own path either.
    const own = await call(`${server.url}/v1/listeners/dan/community/eve/accept`, {
      method: 'POST',
      token: dan.token,
    });
    expect(own.status).toBe(409);
    expect(own.body.message).toMatch(/^path\.id: dan asked eve; only eve can accept/);
    expect(await server.head()).toBe(before);
    const accepted = await call(`${server.url}/v1/listeners/eve/community/dan/accept`, {
      method: 'POST',
      token: eve.token,
    });
    expect(accepted).toMatchObject({ status: 202, body: { status: 'connected' } });
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
