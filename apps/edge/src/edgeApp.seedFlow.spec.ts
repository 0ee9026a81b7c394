import { EDGE_TEST_ADMIN, flowCatalog, startEdgeTestApp, type EdgeTestApp } from './testing/edgeTestApp';

/**
 * The seed's complete interaction example and its multi-user example,
 * through HTTP against edge mode as `npm start` runs it: every service
 * embedded, the SQLite log sealed per listener.
 */
describe('edge mode: the seed flow through HTTP', () => {
  let edge: EdgeTestApp;
  let alex: string;
  let sam: string;
  beforeAll(async () => {
    edge = await startEdgeTestApp();
    const imported = await edge.call('/v1/catalog/tracks', {
      method: 'POST',
      token: EDGE_TEST_ADMIN,
      body: { tracks: flowCatalog() },
    });
    expect(imported).toMatchObject({ status: 202, body: { accepted: 36, rejected: [] } });
    alex = await edge.register('alex', {
      name: 'Alex',
      preferences: { genres: { rock: 0.8, jazz: 0.6 }, energyLevel: 0.7 },
    });
    sam = await edge.register('sam', { name: 'Sam', preferences: { genres: { classical: 0.9 } } });
  });
  afterAll(() => edge.close());

  it('is ready with every embedded service answering', async () => {
    const ready = await edge.call('/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(
      ['catalog', 'conversation', 'eventLog', 'profiles', 'recommender', 'trust'].sort(),
    );
  });

  it('lists the DJ personas from the conversation service, and keeps a choice in the log', async () => {
    const djs = await edge.call('/v1/djs');
    expect(djs.status).toBe(200);
    expect(djs.body.djs.map((dj: { djId: string }) => dj.djId)).toEqual(['nova', 'pulse', 'atlas', 'ember']);
    expect(djs.body.defaultDjId).toBe('nova');
    expect((await edge.call('/v1/listeners/sam/dj', { token: sam })).body).toMatchObject({
      djId: 'nova',
      chosen: false,
    });
    const chosen = await edge.call('/v1/listeners/sam/dj', {
      method: 'PUT',
      token: sam,
      body: { djId: 'ember' },
    });
    expect(chosen).toMatchObject({
      status: 200,
      body: { djId: 'ember', chosen: true, dj: { name: 'Ember' } },
    });
    const profile = await edge.call(`/v1/listeners/sam/profile?minPosition=${chosen.body.position}`, {
      token: sam,
    });
    expect(profile.body.djId).toBe('ember');
    expect((await edge.call('/v1/listeners/sam/greeting', { token: sam })).body.djName).toBe('Ember');
  });

  it('greets, understands two messages, and trusts 0.52 after them', async () => {
    const stated = await edge.call('/v1/listeners/alex/preferences', {
      method: 'PATCH',
      token: alex,
      body: ['rock', 'edm'],
    });
    expect(stated.status).toBe(200);
    expect(stated.body.genres).toMatchObject({ rock: 0.9, edm: 0.6 });

    const greeting = await edge.call('/v1/listeners/alex/greeting', { token: alex });
    expect(greeting.status).toBe(200);
    expect(greeting.body.djName).toBe('Nova');
    expect(greeting.body.text).toContain('Nova');

    const first = await edge.call('/v1/listeners/alex/messages', {
      method: 'POST',
      token: alex,
      body: { text: "I'm feeling energetic today" },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      djName: 'Nova',
      understood: { intent: 'express_mood', mood: 'energetic' },
      reply: expect.any(String),
      position: expect.any(Number),
    });
    const second = await edge.call('/v1/listeners/alex/messages', {
      method: 'POST',
      token: alex,
      body: { text: 'Can you recommend some rock music?' },
    });
    expect(second.status).toBe(200);
    expect(second.body.understood).toMatchObject({ intent: 'request_recommendation', genres: ['rock'] });
    expect(second.body.tracks.length).toBeGreaterThan(0);
    for (const track of second.body.tracks)
      expect(track).toEqual({
        trackId: expect.any(String),
        title: expect.any(String),
        artist: expect.any(String),
        genre: expect.any(String),
        score: expect.any(Number),
        reason: expect.any(String),
        discovery: expect.any(Boolean),
      });
    expect(second.body.tracks[0].genre).toBe('rock');

    const trust = await edge.call('/v1/listeners/alex/trust', { token: alex });
    expect(trust).toEqual({
      status: 200,
      body: { trustScore: 0.52, trustLevel: 'friend', communityTrust: 0.52, connections: 0 },
    });
    const verify = await edge.call('/v1/listeners/alex/verify', { token: alex });
    expect(verify.body).toMatchObject({ ok: true, events: expect.any(Number), headHash: expect.any(String) });
  });

  it('makes a playlist with a reason for every pick, learns from a like and a skip, and leaves out what was played', async () => {
    const playlist = await edge.call('/v1/listeners/alex/playlist?size=10&hour=8&activity=working_out', {
      token: alex,
    });
    expect(playlist.status).toBe(200);
    expect(playlist.body.tracks).toHaveLength(10);
    expect(playlist.body.profileVersion).toBeGreaterThan(0);
    expect(Date.parse(playlist.body.generatedAt)).not.toBeNaN();
    for (const track of playlist.body.tracks) expect(track.reason.length).toBeGreaterThan(3);

    const [liked, skipped] = playlist.body.tracks;
    const like = await edge.call('/v1/listeners/alex/interactions', {
      method: 'POST',
      token: alex,
      body: { trackId: liked.trackId, type: 'like' },
    });
    const skip = await edge.call('/v1/listeners/alex/interactions', {
      method: 'POST',
      token: alex,
      body: { trackId: skipped.trackId, type: 'skip' },
    });
    expect([like.status, skip.status]).toEqual([202, 202]);
    const profile = await edge.call(`/v1/listeners/alex/profile?minPosition=${skip.body.position}`, {
      token: alex,
    });
    expect(profile.body.interactionCount).toBe(4);
    expect(profile.body.recentInteractions.map((i: { type: string }) => i.type)).toEqual(['like', 'skip']);

    const fresh = await edge.call(
      `/v1/listeners/alex/playlist?size=30&exclude=played&minPosition=${skip.body.position}`,
      {
        token: alex,
      },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body.profileVersion).toBe(profile.body.version);
    const ids = fresh.body.tracks.map((t: { trackId: string }) => t.trackId);
    expect(ids).not.toContain(liked.trackId);
    expect(ids).not.toContain(skipped.trackId);

    const insights = await edge.call('/v1/listeners/alex/insights', { token: alex });
    expect(insights.body).toMatchObject({ totalInteractions: 4, recentLikeRate: 0.5, recentSkipRate: 0.5 });
  });

  it('connects two listeners only with consent; friends show up in reasons; removal takes effect in the next playlist', async () => {
    const asked = await edge.call('/v1/listeners/alex/community', {
      method: 'POST',
      token: alex,
      body: { friendId: 'sam' },
    });
    expect(asked).toMatchObject({ status: 202, body: { status: 'pending', outcome: 'requested' } });
    expect((await edge.call('/v1/listeners/alex/community', { token: alex })).body).toMatchObject({
      connections: [],
      pending: [{ listenerId: 'sam', direction: 'outgoing' }],
    });
    expect((await edge.call('/v1/listeners/sam/community', { token: sam })).body.pending).toEqual([
      expect.objectContaining({ listenerId: 'alex', direction: 'incoming' }),
    ]);
    // not yet connected: nothing of sam's reaches alex
    const accepted = await edge.call('/v1/listeners/sam/community/alex/accept', {
      method: 'POST',
      token: sam,
    });
    expect(accepted).toMatchObject({ status: 202, body: { status: 'connected' } });
    for (const [id, token, other] of [
      ['alex', alex, 'sam'],
      ['sam', sam, 'alex'],
    ]) {
      const community = await edge.call(`/v1/listeners/${id}/community`, { token });
      expect(community.body.connections).toHaveLength(1);
      expect(community.body.connections[0].listenerId).toBe(other);
      expect(community.body.pending).toEqual([]);
      expect((await edge.call(`/v1/listeners/${id}/profile`, { token })).body.communityConnections).toEqual([
        other,
      ]);
    }

    // sam loves a jazz track alex never heard
    const favorite = await edge.call('/v1/listeners/sam/interactions', {
      method: 'POST',
      token: sam,
      body: { trackId: 'trk-2', type: 'favorite' },
    });
    expect(favorite.status).toBe(202);
    expect((await edge.call('/v1/listeners/alex/community', { token: alex })).body.loving).toEqual([
      { trackId: 'trk-2', friends: 1 },
    ]);
    const trust = (await edge.call('/v1/listeners/alex/trust', { token: alex })).body;
    expect(trust).toMatchObject({ trustScore: 0.54, connections: 1, communityTrust: 0.531 }); // 0.7 × 0.54 + 0.3 × 0.51

    const withFriend = await edge.call(
      `/v1/listeners/alex/playlist?size=36&minPosition=${favorite.body.position}`,
      {
        token: alex,
      },
    );
    const pick = withFriend.body.tracks.find((t: { trackId: string }) => t.trackId === 'trk-2');
    expect(pick?.reason).toBe('a friend loves this');

    const removed = await edge.call('/v1/listeners/alex/community/sam', { method: 'DELETE', token: alex });
    expect(removed.status).toBe(204);
    expect((await edge.call('/v1/listeners/sam/community', { token: sam })).body).toEqual({
      connections: [],
      pending: [],
      loving: [],
    });
    const after = await edge.call('/v1/listeners/alex/playlist?size=36', { token: alex });
    expect(after.status).toBe(200);
    expect(after.body.tracks.map((t: { reason: string }) => t.reason)).not.toContain('a friend loves this');
    expect((await edge.call('/v1/listeners/alex/trust', { token: alex })).body).toMatchObject({
      connections: 0,
      communityTrust: 0.54,
    });
  });
});
