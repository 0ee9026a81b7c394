import { QfzzClient } from './qfzzClient';
import { startEdgeInstance, type EdgeInstance } from './testing/edgeInstance';
import { eventually } from './testing/eventually';

/**
 * The seed's two worked examples, through the SDK against a real edge
 * instance (issue 7, "Done when").
 */
describe('the seed examples run through the SDK against edge mode', () => {
  let edge: EdgeInstance;
  beforeAll(async () => (edge = await startEdgeInstance()));
  afterAll(() => edge?.close());

  it('complete interaction example: register with preferences, greeting, two messages make trust 0.52, a playlist with reasons, like and skip', async () => {
    const qfzz = new QfzzClient({ baseUrl: edge.url });

    const alex = await qfzz.createListener({
      name: 'Alex',
      preferences: {
        genres: { jazz: 0.8, electronic: 0.7 },
        artists: { 'Miles Davis': 0.9 },
        moods: { calm: 0.7 },
        energyLevel: 0.4,
        tempoPreference: 'medium',
        discoveryFactor: 0.2,
      },
    });
    expect(alex).toEqual({
      listenerId: expect.any(String),
      token: expect.any(String),
      position: expect.any(Number),
    });
    const { listenerId } = alex;

    const greeting = await qfzz.greetUser(listenerId);
    expect(greeting).toEqual({ text: expect.stringMatching(/I'm Nova/), djName: 'Nova' });

    const first = await qfzz.interact(listenerId, "I'm in a great mood");
    expect(first).toMatchObject({ reply: expect.any(String), djName: 'Nova', understood: { mood: 'happy' } });
    const second = await qfzz.interact(listenerId, 'maybe some electronic?');
    expect(second.understood.genres).toEqual(['electronic']);
    expect(second.reply.length).toBeGreaterThan(0);

    // Two messages are two interactions: 0.5 + 2 × 0.01.
    expect(await qfzz.getTrustScore(listenerId)).toMatchObject({
      trustScore: 0.52,
      trustLevel: 'friend',
      communityTrust: 0.52,
    });

    const playlist = await qfzz.generatePlaylist(listenerId, { size: 10 });
    expect(playlist.tracks).toHaveLength(10);
    expect(playlist).toMatchObject({ generatedAt: expect.any(String), profileVersion: expect.any(Number) });
    for (const track of playlist.tracks) {
      expect(track).toMatchObject({
        trackId: expect.any(String),
        title: expect.any(String),
        artist: expect.any(String),
        genre: expect.any(String),
        score: expect.any(Number),
        reason: expect.stringMatching(/\w/),
        discovery: expect.any(Boolean),
      });
    }
    // Stated taste leads: jazz or electronic on top.
    expect(['jazz', 'electronic']).toContain(playlist.tracks[0].genre);

    const before = await qfzz.getProfile(listenerId);
    const liked = playlist.tracks.find((t) => t.genre === 'jazz') ?? playlist.tracks[0];
    const skipped = playlist.tracks.find((t) => t.genre !== liked.genre && t.artist !== liked.artist);
    if (!skipped) throw new Error('the playlist has a single genre and artist');
    const like = await qfzz.recordInteraction(listenerId, { trackId: liked.trackId, type: 'like' });
    const skip = await qfzz.recordInteraction(listenerId, { trackId: skipped.trackId, type: 'skip' });
    expect(skip.position).toBeGreaterThan(like.position);

    // Read-your-writes: the next read reflects both, with no waiting in the test.
    const after = await qfzz.getProfile(listenerId);
    expect(after.position).toBe(skip.position);
    expect(after.interactionCount).toBe(4);
    expect(after.trustScore).toBe(0.54);
    expect(after.genres[liked.genre]).toBeCloseTo((before.genres[liked.genre] ?? 0.5) + 0.1, 6);
    expect(after.artists[skipped.artist]).toBeCloseTo((before.artists[skipped.artist] ?? 0.5) - 0.05, 6);
  });

  it('multi-user example: two listeners, a community request and its acceptance give each a community of 1, and a friend’s like becomes a social signal', async () => {
    const qfzz = new QfzzClient({ baseUrl: edge.url });
    const alex = qfzz.session(
      (await qfzz.createListener({ name: 'Alex', preferences: { genres: { jazz: 0.8 } } })).listenerId,
    );
    const sam = qfzz.session(
      (await qfzz.createListener({ name: 'Sam', preferences: { genres: { electronic: 0.8 } } })).listenerId,
    );

    await alex.addToCommunity(sam.listenerId);
    expect(await alex.getCommunity()).toMatchObject({
      connections: [],
      pending: [{ listenerId: sam.listenerId, direction: 'outgoing' }],
    });
    expect(await sam.getCommunity()).toMatchObject({
      connections: [],
      pending: [{ listenerId: alex.listenerId, direction: 'incoming' }],
    });

    await sam.acceptCommunity(alex.listenerId);
    const alexCommunity = await eventually(async () => {
      const view = await alex.getCommunity();
      expect(view.connections).toHaveLength(1);
      return view;
    });
    const samCommunity = await sam.getCommunity();
    expect(alexCommunity.connections).toEqual([expect.objectContaining({ listenerId: sam.listenerId })]);
    expect(samCommunity.connections).toEqual([expect.objectContaining({ listenerId: alex.listenerId })]);
    expect(alexCommunity.pending).toEqual([]);
    expect(samCommunity.pending).toEqual([]);
    expect((await alex.getProfile()).communityConnections).toEqual([sam.listenerId]);
    expect((await sam.getProfile()).communityConnections).toEqual([alex.listenerId]);

    // Sam loves a track; Alex's community and playlist show it (counts, never who).
    await sam.recordInteraction({ trackId: 'one-more-time', type: 'like' });
    const loving = await eventually(async () => {
      const view = await alex.getCommunity();
      expect(view.loving).toContainEqual({ trackId: 'one-more-time', friends: 1 });
      return view.loving;
    });
    expect(JSON.stringify(loving)).not.toContain(sam.listenerId);
    const playlist = await alex.generatePlaylist({ size: 20 });
    const pick = playlist.tracks.find((t) => t.trackId === 'one-more-time');
    expect(pick?.reason).toMatch(/friend/);

    // Community trust blends in the friend: 0.7 × own + 0.3 × theirs.
    const trust = await alex.getTrustScore();
    expect(trust.communityTrust).toBeCloseTo(0.7 * trust.trustScore + 0.3 * 0.51, 6);
  });
});
