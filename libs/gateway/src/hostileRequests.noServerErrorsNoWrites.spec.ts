import {
  call,
  startGatewayTestServer,
  TEST_ADMIN_TOKEN,
  type GatewayTestServer,
} from './testing/gatewayTestServer';
import { issueListenerToken } from './auth/listenerToken';
import { rawRequest } from './testing/rawRequest';

interface Attempt {
  what: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A deterministic generator, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const OPERATOR = { $gt: '' };
const WRONG_VALUES: unknown[] = [
  OPERATOR,
  { $ne: null },
  { $where: 'sleep(1000)' },
  null,
  true,
  4.2,
  -1,
  1e308,
  '',
  ' ',
  [],
  ['$gt'],
  'x'.repeat(300),
  { toString: 'x' },
];

/**
 * Valid bodies per route; every field gets replaced by every wrong value in
 * turn (`stillValid`: replacements that are in fact fine for that route).
 */
const VALID_BODIES: {
  method: string;
  path: string;
  body: Record<string, unknown>;
  stillValid?: (value: unknown) => boolean;
}[] = [
  {
    method: 'POST',
    path: '/v1/listeners/ann/messages',
    body: { text: 'put on some jazz' },
    stillValid: (value) => typeof value === 'string' && value.trim() !== '' && value.length <= 2000,
  },
  { method: 'POST', path: '/v1/listeners/ann/community', body: { friendId: 'bob' } },
  {
    method: 'POST',
    path: '/v1/listeners/ann/interactions',
    body: {
      trackId: 't1',
      type: 'rate',
      rating: 0.5,
      at: '2025-01-01T00:00:00Z',
      context: { activity: 'run', mood: 'happy', hour: 7 },
    },
  },
  {
    method: 'POST',
    path: '/v1/listeners/ann/history',
    body: { items: [{ trackId: 't1', plays: 2, type: 'play', at: '2025-01-01T00:00:00Z' }] },
  },
  {
    method: 'PATCH',
    path: '/v1/listeners/ann/preferences',
    body: {
      genres: { jazz: 0.9 },
      artists: { Queen: 0.8 },
      moods: { calm: 0.4 },
      energyLevel: 0.3,
      tempoPreference: 'slow',
      discoveryFactor: 0.2,
    },
  },
  { method: 'PUT', path: '/v1/listeners/ann/dj', body: { djId: 'ember' } },
  {
    method: 'POST',
    path: '/v1/listeners',
    body: { listenerId: 'mallory', name: 'M', preferences: { genres: { jazz: 0.9 } } },
  },
];

function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => fieldPaths(v, [...prefix, k]))].filter((p) => p.length > 0);
}

function replaced(body: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body));
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]] = replacement;
  return copy;
}

describe('hostile requests: never a 5xx, always a 4xx, nothing written, nobody reaches another listener', () => {
  let server: GatewayTestServer;
  let ann: { listenerId: string; token: string };
  let bob: { listenerId: string; token: string };
  beforeAll(async () => {
    server = await startGatewayTestServer();
    ann = await server.register({ listenerId: 'ann', name: 'Ann' });
    bob = await server.register({ listenerId: 'bob', name: 'Bob' });
    await call(`${server.url}/v1/listeners/bob/interactions`, {
      method: 'POST',
      token: bob.token,
      body: { trackId: 't2', type: 'like' },
    });
  });
  afterAll(() => server.close());

  function generate(): Attempt[] {
    const random = prng(7);
    const attempts: Attempt[] = [];
    const json = { 'content-type': 'application/json' };
    const asAnn = { ...json, authorization: `Bearer ${ann.token}` };

    // 1. every field of every body replaced by every wrong value (as the rightful listener)
    for (const { method, path, body, stillValid } of VALID_BODIES) {
      for (const field of fieldPaths(body)) {
        for (const wrong of WRONG_VALUES.filter((value) => !stillValid?.(value))) {
          const mutated = replaced(body, field, wrong);
          attempts.push({
            what: `${path} ${field.join('.')}=${JSON.stringify(wrong)}`,
            method,
            path,
            headers: asAnn,
            body: JSON.stringify(mutated),
          });
        }
      }
      // an operator as an extra key at the top
      attempts.push({
        what: `${path} extra $gt`,
        method,
        path,
        headers: asAnn,
        body: JSON.stringify({ ...body, $gt: '' }),
      });
    }

    // 2. malformed JSON and wrong content types
    const malformed = [
      '{',
      '{"trackId":',
      '[1,2',
      '{"a":1}}',
      'null x',
      "{'a':1}",
      '\u0000',
      '{"trackId":"t1","type":"like",}',
      '\uFEFF{"a":1',
    ];
    for (const { method, path } of VALID_BODIES)
      for (const text of malformed)
        attempts.push({
          what: `${path} malformed ${JSON.stringify(text)}`,
          method,
          path,
          headers: asAnn,
          body: text,
        });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonx',
    ])
      attempts.push({
        what: `content-type ${type}`,
        method: 'POST',
        path: '/v1/listeners/ann/interactions',
        headers: { 'content-type': type, authorization: `Bearer ${ann.token}` },
        body: '{"trackId":"t1","type":"like"}',
      });
    attempts.push({
      what: 'no content-type',
      method: 'POST',
      path: '/v1/listeners/ann/interactions',
      headers: { authorization: `Bearer ${ann.token}` },
      body: '{"trackId":"t1","type":"like"}',
    });

    // 3. oversized bodies
    attempts.push({
      what: 'oversized interaction',
      method: 'POST',
      path: '/v1/listeners/ann/interactions',
      headers: asAnn,
      body: JSON.stringify({ trackId: 't1', type: 'like', pad: 'x'.repeat(100_000) }),
    });
    attempts.push({
      what: 'oversized registration',
      method: 'POST',
      path: '/v1/listeners',
      headers: json,
      body: JSON.stringify({ name: 'x'.repeat(70_000) }),
    });
    attempts.push({
      what: 'deeply nested',
      method: 'POST',
      path: '/v1/listeners/ann/interactions',
      headers: asAnn,
      body: '['.repeat(5000) + ']'.repeat(5000),
    });

    // 4. path tricks aimed at bob's data with ann's token, and at nothing
    const tricks = [
      '/v1/listeners/..%2fbob/profile',
      '/v1/listeners/ann%2f..%2fbob/profile',
      '/v1/listeners/ann/../bob/profile',
      '/v1/listeners/%2e%2e/bob/profile',
      '/v1/listeners/bob%00/profile',
      '/v1/listeners/ann%00/profile',
      '/v1/listeners/BOB/profile',
      '/v1/listeners/bob%20/profile',
      '/v1/listeners/bob%2Fprofile',
      '/v1/listeners/%62%6f%62/profile',
      `/v1/listeners/${'a'.repeat(5000)}/profile`,
      '/v1/listeners/bob/profile/',
      '/v1/listeners//profile',
      '/v1/listeners/%E0%A4%A/profile',
      '/v1/listeners/bob/events?fromVersion[$gt]=0',
      '/v1/listeners/bob/community/ann/accept',
      '/v1/listeners/ann/community/..%2fbob',
      '/v1/admin/replay/..%2f..%2fetc%2fpasswd',
    ];
    for (const path of tricks)
      attempts.push({
        what: `trick ${path}`,
        method: 'GET',
        path,
        headers: { authorization: `Bearer ${ann.token}` },
      });

    // 4b. playlist queries out of range or of the wrong shape (ann's own route)
    for (const query of [
      'size=0',
      'size=101',
      'size=abc',
      'size=1.5',
      'size=',
      'size=1&size=2',
      'size[$gt]=1',
      'hour=24',
      'hour=-1',
      'hour=7.5',
      'discovery=1.5',
      'discovery=-0.1',
      'discovery=1e-1',
      'discovery=abc',
      'exclude=all',
      'exclude=',
      'mood=',
      `mood=${'x'.repeat(300)}`,
      'activity[$ne]=x',
    ])
      attempts.push({
        what: `playlist ?${query}`,
        method: 'GET',
        path: `/v1/listeners/ann/playlist?${query}`,
        headers: { authorization: `Bearer ${ann.token}` },
      });
    for (const path of [
      '/v1/listeners/ann/community/ann/accept',
      '/v1/listeners/ann/community/nobody/accept',
    ])
      attempts.push({
        what: `accept ${path}`,
        method: 'POST',
        path,
        headers: { authorization: `Bearer ${ann.token}` },
      });
    for (const path of ['/v1/listeners/ann/community/ann', '/v1/listeners/ann/community/nobody'])
      attempts.push({
        what: `remove ${path}`,
        method: 'DELETE',
        path,
        headers: { authorization: `Bearer ${ann.token}` },
      });
    for (const friendId of ['ann', 'nobody', 'BOB'])
      attempts.push({
        what: `community request to ${friendId}`,
        method: 'POST',
        path: '/v1/listeners/ann/community',
        headers: asAnn,
        body: JSON.stringify({ friendId }),
      });

    // 5. wrong and missing tokens on bob's routes, including writes
    const badAuth: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${ann.token}` },
      { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      { authorization: `Bearer ${issueListenerToken('a-guessed-secret-0123456789', 'bob')}` },
      { authorization: `Bearer ${bob.token.slice(0, -1)}` },
      { authorization: 'Bearer' },
      { authorization: `bearer  ${bob.token}` },
      { authorization: `Bearer ${bob.token} ${bob.token}` },
      { authorization: 'Basic Ym9iOmJvYg==' },
    ];
    const bobRoutes: [string, string, unknown][] = [
      ['GET', '/profile', undefined],
      ['GET', '/events', undefined],
      ['GET', '/insights', undefined],
      ['GET', '/trust', undefined],
      ['GET', '/verify', undefined],
      ['GET', '/stream', undefined],
      ['PATCH', '/preferences', ['metal']],
      ['PUT', '/dj', { djId: 'pulse' }],
      ['POST', '/interactions', { trackId: 't1', type: 'skip' }],
      ['POST', '/history', { items: [{ trackId: 't1', plays: 5 }] }],
      ['GET', '/greeting', undefined],
      ['POST', '/messages', { text: 'I love jazz' }],
      ['GET', '/playlist', undefined],
      ['GET', '/community', undefined],
      ['POST', '/community', { friendId: 'ann' }],
      ['POST', '/community/ann/accept', undefined],
      ['DELETE', '/community/ann', undefined],
      ['DELETE', '', undefined],
    ];
    for (const headers of badAuth)
      for (const [method, path, body] of bobRoutes)
        attempts.push({
          what: `${JSON.stringify(headers).slice(0, 40)} ${method} bob${path}`,
          method,
          path: `/v1/listeners/bob${path}`,
          headers: body === undefined ? headers : { ...headers, ...json },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
    attempts.push({
      what: 'stream with a query token of ann',
      method: 'GET',
      path: `/v1/listeners/bob/stream?token=${encodeURIComponent(ann.token)}`,
      headers: {},
    });
    attempts.push({
      what: 'stream with an operator query token',
      method: 'GET',
      path: '/v1/listeners/bob/stream?token[$gt]=',
      headers: {},
    });

    // 6. admin and catalog writes without the admin token, and takeovers
    const nonAdmin: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${ann.token}` },
      { authorization: 'Bearer admin' },
    ];
    for (const headers of nonAdmin) {
      attempts.push({
        what: 'replay',
        method: 'POST',
        path: '/v1/admin/replay',
        headers: { ...headers, ...json },
        body: '{}',
      });
      attempts.push({
        what: 'catalog write',
        method: 'POST',
        path: '/v1/catalog/tracks',
        headers: { ...headers, ...json },
        body: JSON.stringify({ tracks: [{ trackId: 'evil', title: 'E', artist: 'E', genre: 'e' }] }),
      });
    }
    attempts.push({
      what: 'takeover of bob',
      method: 'POST',
      path: '/v1/listeners',
      headers: json,
      body: JSON.stringify({ listenerId: 'bob', name: 'Mallory' }),
    });

    // shuffle so no route only ever sees a warm or cold path
    for (let i = attempts.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [attempts[i], attempts[j]] = [attempts[j], attempts[i]];
    }
    return attempts;
  }

  it('answers several hundred of them with 4xx only and leaves the log and both listeners untouched', async () => {
    const snapshot = async () => ({
      head: await server.head(),
      ann: (await call(`${server.url}/v1/listeners/ann/profile`, { token: ann.token })).body,
      bob: (await call(`${server.url}/v1/listeners/bob/profile`, { token: bob.token })).body,
      bobEvents: (await call(`${server.url}/v1/listeners/bob/events`, { token: bob.token })).body,
      annCommunity: (await call(`${server.url}/v1/listeners/ann/community`, { token: ann.token })).body,
      bobCommunity: (await call(`${server.url}/v1/listeners/bob/community`, { token: bob.token })).body,
    });
    const before = await snapshot();
    const attempts = generate();
    expect(attempts.length).toBeGreaterThanOrEqual(400);

    const outcomes: { what: string; status: number }[] = [];
    for (const attempt of attempts) {
      const response = await rawRequest(server.url, attempt);
      outcomes.push({ what: attempt.what, status: response.status });
      if (response.status >= 400 && response.status < 500 && response.body.startsWith('{')) {
        expect({ what: attempt.what, keys: Object.keys(JSON.parse(response.body)).sort() }).toEqual({
          what: attempt.what,
          keys: ['error', 'message', 'statusCode'],
        });
      }
    }
    const notClientErrors = outcomes.filter((o) => o.status < 400 || o.status >= 500);
    expect(notClientErrors).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(server.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
