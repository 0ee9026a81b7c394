import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

describe('interactions and the bulk history import', () => {
  let server: GatewayTestServer;
  beforeAll(async () => (server = await startGatewayTestServer()));
  afterAll(() => server.close());

  it('appends the matching event with the track as the catalog has it, and the context', async () => {
    const { token } = await server.register({ listenerId: 'snap' });
    const rated = await call(`${server.url}/v1/listeners/snap/interactions`, {
      method: 'POST',
      token,
      body: {
        trackId: 't2',
        type: 'rate',
        rating: 0.9,
        at: '2025-06-01T08:00:00+02:00',
        context: { activity: 'running', hour: 8 },
      },
    });
    expect(rated.status).toBe(202);
    const [, event] = (await call(`${server.url}/v1/listeners/snap/events`, { token })).body.events;
    const t2 = server.tracks[1];
    expect(event).toMatchObject({
      eventId: rated.body.eventId,
      type: 'TrackRated',
      data: {
        track: {
          trackId: 't2',
          genre: t2.genre,
          artist: t2.artist,
          mood: t2.mood,
          energy: t2.energy,
          tempo: t2.tempo,
        },
        context: { activity: 'running', hour: 8 },
        rating: 0.9,
      },
      metadata: { occurredAt: '2025-06-01T08:00:00+02:00' },
    });
    for (const [type, eventType] of [
      ['play', 'TrackPlayed'],
      ['skip', 'TrackSkipped'],
      ['like', 'TrackLiked'],
      ['favorite', 'TrackFavorited'],
    ]) {
      const response = await call(`${server.url}/v1/listeners/snap/interactions`, {
        method: 'POST',
        token,
        body: { trackId: 't3', type },
      });
      const events = (
        await call(`${server.url}/v1/listeners/snap/events?fromVersion=${response.body.version}`, { token })
      ).body.events;
      expect(events[0].type).toBe(eventType);
    }
  });

  it('imports history: plays n gives n TrackPlayed, in order, at the position it reports', async () => {
    const { token } = await server.register({ listenerId: 'hist' });
    const items = [
      { trackId: 't1', plays: 3, at: '2024-01-01T00:00:00Z' },
      { trackId: 't2', type: 'like' },
      { trackId: 't3', type: 'rate', rating: 0.25 },
      { trackId: 't4', type: 'skip' },
    ];
    const response = await call(`${server.url}/v1/listeners/hist/history`, {
      method: 'POST',
      token,
      body: { items },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: 6, position: await server.head() });
    const events = (await call(`${server.url}/v1/listeners/hist/events?fromVersion=2`, { token })).body
      .events;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'TrackPlayed',
      'TrackPlayed',
      'TrackPlayed',
      'TrackLiked',
      'TrackRated',
      'TrackSkipped',
    ]);
    expect(events[0].metadata.occurredAt).toBe('2024-01-01T00:00:00Z');
    const profile = await call(
      `${server.url}/v1/listeners/hist/profile?minPosition=${response.body.position}`,
      { token },
    );
    expect(profile.body.interactionCount).toBe(6);
    expect(profile.body.trustScore).toBe(0.56);
  });

  it('imports 10,000 items with plays in chunks, one stream, gapless versions', async () => {
    const { token } = await server.register({ listenerId: 'bulk' });
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      trackId: `t${(i % 12) + 1}`,
      ...(i % 10 === 0 ? { plays: 2 } : {}),
    }));
    const started = Date.now();
    const response = await call(`${server.url}/v1/listeners/bulk/history`, {
      method: 'POST',
      token,
      body: { items },
    });
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(11_000);
    expect(await server.store.streamVersion('listener-bulk')).toBe(11_001);
    expect(Date.now() - started).toBeLessThan(20_000);
    const profile = await call(
      `${server.url}/v1/listeners/bulk/profile?minPosition=${response.body.position}`,
      { token },
    );
    expect(profile.body).toMatchObject({ interactionCount: 11_000, trustScore: 1, version: 11_001 });
  });

  it('imports while other writes land in the same stream: every event once, versions gapless', async () => {
    const { token } = await server.register({ listenerId: 'busy' });
    const items = Array.from({ length: 6_000 }, (_, i) => ({ trackId: `t${(i % 12) + 1}` }));
    const imported = call(`${server.url}/v1/listeners/busy/history`, {
      method: 'POST',
      token,
      body: { items },
    });
    const singles: Promise<{ status: number; body: { version: number } }>[] = [];
    for (let i = 0; i < 30; i++) {
      singles.push(
        call(`${server.url}/v1/listeners/busy/interactions`, {
          method: 'POST',
          token,
          body: { trackId: 't1', type: 'like' },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const [response, ...single] = await Promise.all([imported, ...singles]);
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(6_000);
    expect(single.every((one) => one.status === 202)).toBe(true);
    const stored = await server.store.readStream('listener-busy');
    expect(stored.map((e) => e.version)).toEqual(Array.from({ length: 6_031 }, (_, i) => i + 1));
    expect(new Set(stored.map((e) => e.eventId)).size).toBe(6_031);
    expect(stored.filter((e) => e.type === 'TrackPlayed')).toHaveLength(6_000);
    // Some single landed between two chunks of the import: those chunks were appended again after a conflict.
    const playedVersions = stored.filter((e) => e.type === 'TrackPlayed').map((e) => e.version);
    const [firstPlayed, lastPlayed] = [playedVersions[0], playedVersions[playedVersions.length - 1]];
    expect(single.some(({ body }) => body.version > firstPlayed && body.version < lastPlayed)).toBe(true);
  });

  it('answers 503, writing nothing, when no catalog service answers', async () => {
    const lonely = await startGatewayTestServer({ catalog: false, readyChecks: ['eventLog', 'profiles'] });
    try {
      const { token } = await lonely.register({ listenerId: 'x' });
      const before = await lonely.head();
      const response = await call(`${lonely.url}/v1/listeners/x/interactions`, {
        method: 'POST',
        token,
        body: { trackId: 't1', type: 'like' },
      });
      expect(response.status).toBe(503);
      expect(response.body.message).toMatch(/not answering: no responder for qfzz\.rpc\.catalog\.getTracks/);
      expect(await lonely.head()).toBe(before);
    } finally {
      await lonely.close();
    }
  });
});
