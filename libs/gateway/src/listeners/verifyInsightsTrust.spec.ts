import Database from 'better-sqlite3';
import { join } from 'node:path';
import { GENESIS_HASH } from '@qfzz/domain';
import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

describe('verify, insights and trust over HTTP', () => {
  let server: GatewayTestServer;
  beforeAll(async () => (server = await startGatewayTestServer()));
  afterAll(() => server.close());

  it('trust after the seed example: two interactions give 0.52, a friend; with no connections community trust is the own score', async () => {
    const { token } = await server.register({ listenerId: 'seed', name: 'Alex' });
    for (const type of ['like', 'play']) {
      expect(
        (
          await call(`${server.url}/v1/listeners/seed/interactions`, {
            method: 'POST',
            token,
            body: { trackId: 't1', type },
          })
        ).status,
      ).toBe(202);
    }
    const trust = await call(`${server.url}/v1/listeners/seed/trust`, { token });
    expect(trust.status).toBe(200);
    expect(trust.body).toEqual({
      trustScore: 0.52,
      trustLevel: 'friend',
      communityTrust: 0.52,
      connections: 0,
    });
  });

  it('blends in connected listeners: 0.7 × own + 0.3 × their mean', async () => {
    const { token } = await server.register({ listenerId: 'kim' });
    const pal = await server.register({ listenerId: 'pal' });
    await call(`${server.url}/v1/listeners/kim/history`, {
      method: 'POST',
      token,
      body: { items: [{ trackId: 't1', plays: 2 }] },
    });
    await call(`${server.url}/v1/listeners/pal/history`, {
      method: 'POST',
      token: pal.token,
      body: { items: [{ trackId: 't1', plays: 10 }] },
    });
    const asked = await call(`${server.url}/v1/listeners/kim/community`, {
      method: 'POST',
      token,
      body: { friendId: 'pal' },
    });
    expect(asked.status).toBe(202);
    const accepted = await call(`${server.url}/v1/listeners/pal/community/kim/accept`, {
      method: 'POST',
      token: pal.token,
    });
    expect(accepted.body).toMatchObject({ status: 'connected' });
    const trust = await call(`${server.url}/v1/listeners/kim/trust`, { token });
    expect(trust.body).toEqual({
      trustScore: 0.52,
      trustLevel: 'friend',
      communityTrust: 0.544,
      connections: 1,
    });
  });

  it('verifies an untouched chain, and names the first event an edit in the log file broke', async () => {
    const { token } = await server.register({ listenerId: 'chain' });
    for (const trackId of ['t1', 't2', 't3']) {
      await call(`${server.url}/v1/listeners/chain/interactions`, {
        method: 'POST',
        token,
        body: { trackId, type: 'like' },
      });
    }
    const events = (await call(`${server.url}/v1/listeners/chain/events`, { token })).body.events;
    const ok = await call(`${server.url}/v1/listeners/chain/verify`, { token });
    expect(ok.body).toEqual({ ok: true, events: 4, headHash: events[3].hash });
    expect(events[0].prevHash).toBe(GENESIS_HASH);

    // Someone with the file edits a like into a favorite, behind the log's back.
    const db = new Database(join(server.dataDir, 'qfzz.db'));
    try {
      db.prepare("UPDATE events SET type = 'TrackFavorited' WHERE event_id = ?").run(events[2].eventId);
    } finally {
      db.close();
    }
    const broken = await call(`${server.url}/v1/listeners/chain/verify`, { token });
    expect(broken.status).toBe(200);
    expect(broken.body).toEqual({
      ok: false,
      events: 2,
      headHash: events[1].hash,
      brokenAt: { version: 3, eventId: events[2].eventId, reason: 'hash does not match the event content' },
    });
  });

  it('gives insights from the profile and the last 20 reactions', async () => {
    const { token } = await server.register({
      listenerId: 'insight',
      preferences: { genres: { jazz: 0.9 } },
    });
    const items = [
      ...Array.from({ length: 10 }, () => ({ trackId: 't4', type: 'skip' })), // older than the last 20
      ...Array.from({ length: 8 }, () => ({ trackId: 't1', type: 'like' })),
      { trackId: 't2', type: 'favorite' },
      { trackId: 't2', type: 'rate', rating: 1 },
      ...Array.from({ length: 6 }, () => ({ trackId: 't4', type: 'skip' })),
      ...Array.from({ length: 4 }, () => ({ trackId: 't3', type: 'play' })),
    ];
    const imported = await call(`${server.url}/v1/listeners/insight/history`, {
      method: 'POST',
      token,
      body: { items },
    });
    expect(imported.status).toBe(202);
    const insights = await call(`${server.url}/v1/listeners/insight/insights`, { token });
    expect(insights.status).toBe(200);
    expect(insights.body).toMatchObject({
      genreDiversity: 4,
      artistDiversity: 4,
      totalInteractions: 30,
      recentLikeRate: 0.5, // 8 likes + 1 favorite + 1 rating of 1, of the last 20
      recentSkipRate: 0.3,
    });
    expect(insights.body.topGenres[0]).toEqual({ genre: 'jazz', weight: 1 });
    expect(insights.body.topGenres).toHaveLength(4);
    expect(insights.body.genreConcentration).toBeGreaterThan(0.25);
    expect(insights.body.topArtists[0].artist).toBe('Miles Davis');
  });
});
