import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

describe('listeners and profiles over HTTP', () => {
  let server: GatewayTestServer;
  beforeAll(async () => (server = await startGatewayTestServer()));
  afterAll(() => server.close());

  it('registers with stated preferences: ListenerRegistered then PreferencesStated, 201 with a token', async () => {
    const response = await call(`${server.url}/v1/listeners`, {
      method: 'POST',
      body: {
        listenerId: 'ada',
        name: 'Ada',
        preferences: { genres: { jazz: 0.9 }, energyLevel: 0.3, tempoPreference: 'slow' },
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      listenerId: 'ada',
      token: expect.stringMatching(/^qfzz1\./),
      position: expect.any(Number),
    });
    const events = await call(`${server.url}/v1/listeners/ada/events`, { token: response.body.token });
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual([
      'ListenerRegistered',
      'PreferencesStated',
    ]);
    const profile = await call(
      `${server.url}/v1/listeners/ada/profile?minPosition=${response.body.position}`,
      { token: response.body.token },
    );
    expect(profile.body).toMatchObject({
      listenerId: 'ada',
      name: 'Ada',
      genres: { jazz: 0.9 },
      energyLevel: 0.3,
      tempoPreference: 'slow',
      version: 2,
    });
  });

  it('generates an id when none is given, and registers with no body at all', async () => {
    const response = await fetch(`${server.url}/v1/listeners`, { method: 'POST' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { listenerId: string };
    expect(body.listenerId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads its own writes: the profile at ?minPosition=<position of an interaction> reflects it', async () => {
    const { token } = await server.register({ listenerId: 'ryw' });
    for (let i = 0; i < 5; i++) {
      const like = await call(`${server.url}/v1/listeners/ryw/interactions`, {
        method: 'POST',
        token,
        body: { trackId: 't1', type: 'like' },
      });
      expect(like.status).toBe(202);
      expect(like.body).toEqual({
        eventId: expect.any(String),
        version: i + 2,
        position: expect.any(Number),
      });
      const profile = await call(`${server.url}/v1/listeners/ryw/profile?minPosition=${like.body.position}`, {
        token,
      });
      expect(profile.status).toBe(200);
      expect(profile.body.position).toBeGreaterThanOrEqual(like.body.position);
      expect(profile.body.interactionCount).toBe(i + 1);
      expect(profile.body.genres.jazz).toBeCloseTo(0.5 + 0.1 * (i + 1), 10);
    }
  });

  it('states preferences as a deduplicated word list, answering with the fresh profile', async () => {
    const { token } = await server.register({ listenerId: 'words' });
    const response = await call(`${server.url}/v1/listeners/words/preferences`, {
      method: 'PATCH',
      token,
      body: ['Jazz', 'jazz ', 'deep house', 'JAZZ'],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ listenerId: 'words', version: 2 });
    expect(Object.keys(response.body.genres).sort()).toEqual(['deep house', 'jazz']);
    const [, stated] = (await call(`${server.url}/v1/listeners/words/events`, { token })).body.events;
    expect(stated.data).toEqual({ words: ['Jazz', 'deep house'] });
  });

  it('states weighted preferences', async () => {
    const { token } = await server.register({ listenerId: 'weights' });
    const response = await call(`${server.url}/v1/listeners/weights/preferences`, {
      method: 'PATCH',
      token,
      body: { moods: { calm: 0.8 }, discoveryFactor: 0.7 },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ moods: { calm: 0.8 }, discoveryFactor: 0.7 });
  });

  it('exports the listener stream in pages', async () => {
    const { token } = await server.register({ listenerId: 'pages' });
    await call(`${server.url}/v1/listeners/pages/history`, {
      method: 'POST',
      token,
      body: { items: [{ trackId: 't1', plays: 4 }] },
    });
    const first = await call(`${server.url}/v1/listeners/pages/events?limit=2`, { token });
    expect(first.body.events.map((e: { version: number }) => e.version)).toEqual([1, 2]);
    expect(first.body.nextFromVersion).toBe(3);
    const rest = await call(`${server.url}/v1/listeners/pages/events?fromVersion=3`, { token });
    expect(rest.body.events.map((e: { version: number }) => e.version)).toEqual([3, 4, 5]);
    expect(rest.body.nextFromVersion).toBeUndefined();
    expect(rest.body.events[0]).toMatchObject({
      streamId: 'listener-pages',
      type: 'TrackPlayed',
      hash: expect.any(String),
      prevHash: expect.any(String),
    });
  });

  it('carries the correlation id and the actor into every appended event', async () => {
    const registered = await call(`${server.url}/v1/listeners`, {
      method: 'POST',
      body: { listenerId: 'traced' },
      headers: { 'x-correlation-id': 'req-123' },
    });
    expect(registered.headers.get('x-correlation-id')).toBe('req-123');
    const { token } = registered.body;
    await call(`${server.url}/v1/listeners/traced/interactions`, {
      method: 'POST',
      token,
      body: { trackId: 't2', type: 'play' },
      headers: { 'x-correlation-id': 'req-456' },
    });
    const untraced = await call(`${server.url}/v1/listeners/traced/interactions`, {
      method: 'POST',
      token,
      body: { trackId: 't2', type: 'skip' },
    });
    const generated = untraced.headers.get('x-correlation-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const events = (await call(`${server.url}/v1/listeners/traced/events`, { token })).body.events;
    expect(events.map((e: { metadata: object }) => e.metadata)).toEqual([
      expect.objectContaining({ correlationId: 'req-123', actor: 'traced' }),
      expect.objectContaining({ correlationId: 'req-456', actor: 'traced' }),
      expect.objectContaining({ correlationId: generated, actor: 'traced' }),
    ]);
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        correlationId: 'req-456',
        status: 202,
        route: '/v1/listeners/:id/interactions',
      }),
    );
  });
});
