import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

/**
 * Every validation rule of API.md, over HTTP: the status, a message that
 * names the field, and the log head unchanged (a 4xx writes nothing).
 */
describe('validation: bad input is a 4xx that names the field and writes nothing', () => {
  let server: GatewayTestServer;
  let ann: { listenerId: string; token: string };
  beforeAll(async () => {
    server = await startGatewayTestServer();
    ann = await server.register({ listenerId: 'ann' });
  });
  afterAll(() => server.close());

  async function expectRefused(
    path: string,
    init: Parameters<typeof call>[1],
    status: number,
    message: RegExp,
  ): Promise<void> {
    const before = await server.head();
    const response = await call(`${server.url}${path}`, { token: ann.token, ...init });
    expect({ path, status: response.status, message: response.body?.message }).toEqual({
      path,
      status,
      message: expect.stringMatching(message),
    });
    expect(response.body).toEqual({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
    });
    expect(await server.head()).toBe(before);
  }

  const interactions = '/v1/listeners/ann/interactions';

  describe('bodies are JSON only', () => {
    it('refuses another content type with 415', async () => {
      await expectRefused(
        interactions,
        {
          method: 'POST',
          body: 'trackId=t1&type=like',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        415,
        /content-type/i,
      );
      await expectRefused(
        interactions,
        { method: 'POST', body: '{"trackId":"t1","type":"like"}', headers: { 'content-type': 'text/plain' } },
        415,
        /content-type/i,
      );
    });

    it('refuses a body without a content type with 415', async () => {
      const before = await server.head();
      const response = await fetch(`${server.url}${interactions}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ann.token}` },
        body: new Uint8Array(Buffer.from('{"trackId":"t1","type":"like"}')),
      });
      expect(response.status).toBe(415);
      expect(await server.head()).toBe(before);
    });

    it('refuses malformed JSON with 400', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: '{"trackId": "t1", "type": ' },
        400,
        /not valid JSON/,
      );
      await expectRefused(interactions, { method: 'POST', body: "{'trackId': 't1'}" }, 400, /not valid JSON/);
    });

    it('refuses prototype poisoning', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: '{"trackId":"t1","type":"like","__proto__":{"admin":true}}' },
        400,
        /JSON/,
      );
    });

    it('refuses bodies over 64 KB, and bulk bodies over 5 MB, with 413', async () => {
      const big = JSON.stringify({ trackId: 't1', type: 'like', context: { activity: 'x'.repeat(70_000) } });
      await expectRefused(interactions, { method: 'POST', body: big }, 413, /larger than 65536 bytes/);
      const items = Array.from({ length: 10_000 }, () => ({
        trackId: 't1',
        at: '2025-01-01T00:00:00.000Z',
        type: 'play',
        plays: 1,
      }));
      const huge = JSON.stringify({ items, pad: 'x'.repeat(5 * 1024 * 1024) });
      await expectRefused(
        '/v1/listeners/ann/history',
        { method: 'POST', body: huge },
        413,
        /larger than|too large/i,
      );
    });

    it('accepts a history body well over 64 KB (bulk limit)', async () => {
      const items = Array.from({ length: 2000 }, () => ({ trackId: 't1', at: '2025-01-01T00:00:00.000Z' }));
      expect(JSON.stringify({ items }).length).toBeGreaterThan(64 * 1024);
      const response = await call(`${server.url}/v1/listeners/ann/history`, {
        method: 'POST',
        token: ann.token,
        body: { items },
      });
      expect(response.status).toBe(202);
    });
  });

  describe('ids', () => {
    it.each([
      ['empty', ''],
      ['too long', 'x'.repeat(129)],
      ['a space', 'a b'],
      ['a slash', 'a/b'],
      ['non-ASCII', 'émile'],
      ['an operator object', { $gt: '' }],
      ['a number', 42],
    ])('refuses a listenerId that is %s', async (_, listenerId) => {
      const before = await server.head();
      const response = await call(`${server.url}/v1/listeners`, { method: 'POST', body: { listenerId } });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^body\.listenerId: /);
      expect(await server.head()).toBe(before);
    });

    it('refuses a trackId that is not an id', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: '../t1', type: 'like' } },
        400,
        /body\.trackId: must be 1\.\.128/,
      );
    });

    it('accepts an id of 128 characters of letters, digits and -_.:', async () => {
      const listenerId = `A-Z_0.9:${'x'.repeat(120)}`;
      expect(
        (await call(`${server.url}/v1/listeners`, { method: 'POST', body: { listenerId } })).status,
      ).toBe(201);
    });
  });

  describe('registration', () => {
    it('refuses an id that exists with 409 (no takeover)', async () => {
      const before = await server.head();
      const response = await call(`${server.url}/v1/listeners`, {
        method: 'POST',
        body: { listenerId: 'ann', name: 'Mallory' },
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/ann already exists/);
      expect(await server.head()).toBe(before);
    });

    it('refuses empty strings in optional fields rather than defaulting', async () => {
      for (const body of [
        { listenerId: '' },
        { name: '' },
        { name: '   ' },
        { preferences: { genres: { '': 0.5 } } },
      ]) {
        const before = await server.head();
        const response = await call(`${server.url}/v1/listeners`, { method: 'POST', body });
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.message).toMatch(/^body\./);
        expect(await server.head()).toBe(before);
      }
    });

    it('refuses fields it does not know, naming them', async () => {
      const before = await server.head();
      const response = await call(`${server.url}/v1/listeners`, {
        method: 'POST',
        body: { listenerId: 'zed', admin: true },
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('body.admin: is not a known field');
      expect(await server.head()).toBe(before);
    });

    it('refuses weights outside 0..1, never clamping them', async () => {
      for (const preferences of [{ genres: { jazz: 1.5 } }, { energyLevel: -0.1 }, { discoveryFactor: 2 }]) {
        const before = await server.head();
        const response = await call(`${server.url}/v1/listeners`, { method: 'POST', body: { preferences } });
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(/^body\.preferences\.\w+(\.jazz)?: must be within 0\.\.1/);
        expect(await server.head()).toBe(before);
      }
    });
  });

  describe('interactions', () => {
    it('requires rating for rate', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'rate' } },
        400,
        /^body\.rating: required for type "rate"$/,
      );
    });

    it('refuses a rating outside 0..1', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'rate', rating: 1.2 } },
        400,
        /^body\.rating: must be within 0\.\.1$/,
      );
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'rate', rating: -0.01 } },
        400,
        /^body\.rating: must be within 0\.\.1$/,
      );
    });

    it('refuses a rating on anything but rate', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'like', rating: 0.5 } },
        400,
        /^body\.rating: only allowed for type "rate"$/,
      );
    });

    it('refuses an unknown type', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'love' } },
        400,
        /^body\.type: Invalid enum value/,
      );
    });

    it('refuses an hour outside 0..23', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'play', context: { hour: 24 } } },
        400,
        /^body\.context\.hour: must be within 0\.\.23$/,
      );
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'play', context: { hour: 1.5 } } },
        400,
        /^body\.context\.hour: must be a whole hour$/,
      );
    });

    it('refuses an unknown track, naming the trackId', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 'nope', type: 'like' } },
        400,
        /^body\.trackId: track "nope" is not in the catalog$/,
      );
    });

    it('refuses a timestamp that is not ISO 8601 or lies in the future', async () => {
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'play', at: 'yesterday' } },
        400,
        /^body\.at: must be an ISO 8601 date-time$/,
      );
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'play', at: '2999-01-01T00:00:00Z' } },
        400,
        /^body\.at: is in the future$/,
      );
    });

    it('refuses a missing body', async () => {
      await expectRefused(interactions, { method: 'POST' }, 400, /^body: is required$/);
    });

    it('refuses operator objects in every field by type', async () => {
      for (const field of ['trackId', 'type', 'rating', 'at', 'context']) {
        const body = { trackId: 't1', type: 'rate', rating: 0.5, [field]: { $gt: '' } };
        await expectRefused(
          interactions,
          { method: 'POST', body },
          400,
          new RegExp(`^body\\.${field}(\\.\\$gt)?: `),
        );
      }
      await expectRefused(
        interactions,
        { method: 'POST', body: { trackId: 't1', type: 'play', context: { mood: { $ne: null } } } },
        400,
        /^body\.context\.mood: /,
      );
    });
  });

  describe('history', () => {
    const history = '/v1/listeners/ann/history';

    it('refuses any unknown track, listing the first few, and writes none of the others', async () => {
      const items = [
        { trackId: 't1', plays: 3 },
        ...Array.from({ length: 8 }, (_, i) => ({ trackId: `missing-${i}` })),
      ];
      await expectRefused(
        history,
        { method: 'POST', body: { items } },
        400,
        /not in the catalog: "missing-0", "missing-1", "missing-2", "missing-3", "missing-4" and 3 more/,
      );
    });

    it('refuses more than 10,000 items, and plays on anything but play', async () => {
      const items = Array.from({ length: 10_001 }, () => ({ trackId: 't1' }));
      await expectRefused(
        history,
        { method: 'POST', body: { items } },
        400,
        /^body\.items: must have at most 10000 items$/,
      );
      await expectRefused(
        history,
        { method: 'POST', body: { items: [{ trackId: 't1', type: 'like', plays: 2 }] } },
        400,
        /^body\.items\[0\]\.plays: only allowed for type "play"$/,
      );
      await expectRefused(
        history,
        { method: 'POST', body: { items: [{ trackId: 't1', plays: 0 }] } },
        400,
        /^body\.items\[0\]\.plays: must be at least 1$/,
      );
      await expectRefused(
        history,
        { method: 'POST', body: { items: [] } },
        400,
        /^body\.items: must have at least one item$/,
      );
    });
  });

  describe('queries', () => {
    it('refuses minPosition and fromVersion that are not whole numbers', async () => {
      for (const query of ['minPosition=-1', 'minPosition=1e3', 'minPosition=abc', 'minPosition=']) {
        const response = await call(`${server.url}/v1/listeners/ann/profile?${query}`, { token: ann.token });
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(response.body.message).toMatch(/^query\.minPosition: must be a whole number$/);
      }
      const events = await call(`${server.url}/v1/listeners/ann/events?fromVersion=0`, { token: ann.token });
      expect(events.status).toBe(400);
      expect(events.body.message).toBe('query.fromVersion: must be at least 1');
    });

    it('refuses a catalog page size outside 1..100', async () => {
      for (const limit of ['0', '101']) {
        const response = await call(`${server.url}/v1/catalog/tracks?limit=${limit}`);
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(/^query\.limit: must be (at least 1|at most 100)$/);
      }
      expect((await call(`${server.url}/v1/catalog/tracks?genre=`)).body.message).toBe(
        'query.genre: must not be empty',
      );
      expect((await call(`${server.url}/v1/catalog/tracks?genre=a&genre=b`)).body.message).toMatch(
        /^query\.genre: Expected string, received array$/,
      );
    });
  });

  describe('preferences and the DJ', () => {
    it('refuses an empty word list, blank words and an empty object', async () => {
      await expectRefused(
        '/v1/listeners/ann/preferences',
        { method: 'PATCH', body: [] },
        400,
        /^body: must name at least one word$/,
      );
      await expectRefused(
        '/v1/listeners/ann/preferences',
        { method: 'PATCH', body: ['jazz', '  '] },
        400,
        /^body\[1\]: must not be empty$/,
      );
      await expectRefused(
        '/v1/listeners/ann/preferences',
        { method: 'PATCH', body: {} },
        400,
        /^body: must state at least one preference$/,
      );
      await expectRefused(
        '/v1/listeners/ann/preferences',
        { method: 'PATCH', body: { tempoPreference: 'ludicrous' } },
        400,
        /^body\.tempoPreference: /,
      );
    });

    it('refuses a DJ that does not exist', async () => {
      await expectRefused(
        '/v1/listeners/ann/dj',
        { method: 'PUT', body: { djId: 'hal' } },
        400,
        /^body\.djId: unknown DJ "hal"; one of nova, pulse, atlas, ember$/,
      );
    });
  });

  describe('messages, playlists and the community', () => {
    const messages = '/v1/listeners/ann/messages';
    it('refuses a chat text that is empty, blank, too long or not a string', async () => {
      await expectRefused(
        messages,
        { method: 'POST', body: { text: '' } },
        400,
        /^body\.text: must not be empty$/,
      );
      await expectRefused(
        messages,
        { method: 'POST', body: { text: ' \n\t ' } },
        400,
        /^body\.text: must not be blank$/,
      );
      await expectRefused(
        messages,
        { method: 'POST', body: { text: 'x'.repeat(2001) } },
        400,
        /^body\.text: must be at most 2000 characters$/,
      );
      await expectRefused(messages, { method: 'POST', body: { text: { $gt: '' } } }, 400, /^body\.text: /);
      await expectRefused(messages, { method: 'POST', body: {} }, 400, /^body\.text: is required$/);
      await expectRefused(
        messages,
        { method: 'POST', body: { text: 'hi', mood: 'x' } },
        400,
        /^body\.mood: is not a known field$/,
      );
    });

    it('refuses playlist options out of range, never clamping, naming the field', async () => {
      const cases: [string, RegExp][] = [
        ['size=0', /^query\.size: must be at least 1$/],
        ['size=101', /^query\.size: must be at most 100$/],
        ['size=ten', /^query\.size: must be a whole number$/],
        ['hour=24', /^query\.hour: must be at most 23$/],
        ['hour=-1', /^query\.hour: must be a whole number$/],
        ['discovery=1.01', /^query\.discovery: must be within 0\.\.1$/],
        ['discovery=-1', /^query\.discovery: must be a number within 0\.\.1$/],
        ['exclude=liked', /^query\.exclude: the only value is "played"$/],
        ['mood=', /^query\.mood: must not be empty$/],
      ];
      for (const [query, message] of cases)
        await expectRefused(`/v1/listeners/ann/playlist?${query}`, {}, 400, message);
    });

    it('refuses community requests to oneself (400) and to nobody (404), naming friendId', async () => {
      const community = '/v1/listeners/ann/community';
      await expectRefused(
        community,
        { method: 'POST', body: { friendId: 'ann' } },
        400,
        /^body\.friendId: a listener cannot connect to themselves$/,
      );
      await expectRefused(
        community,
        { method: 'POST', body: { friendId: 'nobody' } },
        404,
        /^body\.friendId: listener nobody does not exist$/,
      );
      await expectRefused(community, { method: 'POST', body: { friendId: '' } }, 400, /^body\.friendId: /);
      await expectRefused(community, { method: 'POST', body: {} }, 400, /^body\.friendId: is required$/);
      await expectRefused(
        '/v1/listeners/ann/community/nobody/accept',
        { method: 'POST' },
        404,
        /^path\.id: there is no pending request from nobody to ann$/,
      );
      await expectRefused(
        '/v1/listeners/ann/community/nobody',
        { method: 'DELETE' },
        404,
        /^path\.friendId: /,
      );
    });
  });

  describe('routes', () => {
    it('answers an unknown route with 404 in the same error shape', async () => {
      const response = await call(`${server.url}/v1/nowhere`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    });
  });
});
