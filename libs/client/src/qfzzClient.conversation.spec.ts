import { QfzzApiError } from './qfzzApiError';
import { startEdgeInstance, type EdgeInstance } from './testing/edgeInstance';

describe('the DJ through the SDK: greetUser, interact, generatePlaylist', () => {
  let edge: EdgeInstance;
  beforeAll(async () => (edge = await startEdgeInstance()));
  afterAll(() => edge?.close());

  it('greetUser introduces the DJ to a new listener, in the voice of the DJ they chose', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener({ name: 'Gia' });
    expect(await qfzz.greetUser(listenerId)).toEqual({ text: expect.stringMatching(/Nova/), djName: 'Nova' });
    await qfzz.chooseDj(listenerId, 'ember');
    expect((await qfzz.greetUser(listenerId)).djName).toBe('Ember');
  });

  it('interact answers with the reply and what was understood, and returns the position of what it wrote', async () => {
    const qfzz = edge.client();
    const { listenerId, position: registered } = await qfzz.createListener();
    const reply = await qfzz.interact(listenerId, 'I love jazz and Miles Davis');
    expect(reply).toMatchObject({
      reply: expect.any(String),
      djName: 'Nova',
      understood: { intent: 'state_preference', genres: ['jazz'], artists: ['Miles Davis'] },
      position: expect.any(Number),
    });
    expect(reply.position).toBeGreaterThan(registered);
    expect(qfzz.lastPosition(listenerId)).toBe(reply.position);
    // Read-your-writes: the stated taste shows in the next read.
    const profile = await qfzz.getProfile(listenerId);
    expect(profile.genres.jazz).toBeGreaterThan(0.5);
    expect(profile.interactionCount).toBe(1);

    const mood = await qfzz.interact(listenerId, "I'm feeling a bit sad today");
    expect(mood.understood).toMatchObject({ intent: 'express_mood', mood: 'sad' });
  });

  it('interact refuses a blank or too long text with a 400 naming the field', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    for (const text of ['   ', 'x'.repeat(2001)]) {
      const error = (await qfzz.interact(listenerId, text).catch((e: unknown) => e)) as QfzzApiError;
      expect(error).toBeInstanceOf(QfzzApiError);
      expect(error).toMatchObject({ status: 400, message: expect.stringMatching(/^body\.text: /) });
    }
  });

  it('generatePlaylist takes size, mood, activity, hour, discovery and exclude=played', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener({ preferences: { genres: { rock: 0.9 } } });
    await qfzz.importHistory(listenerId, [{ trackId: 'bohemian-rhapsody' }, { trackId: 'dont-stop-me-now' }]);
    const context = { mood: 'energetic', activity: 'working_out', hour: 18 } as const;

    const familiar = await qfzz.generatePlaylist(listenerId, {
      ...context,
      size: 2,
      discovery: 0,
      exclude: 'played',
    });
    expect(familiar.tracks.map((t) => t.trackId).sort()).toEqual(['paranoid-android', 'smells-like']);
    expect(familiar.tracks.every((t) => !t.discovery && t.reason.length > 0)).toBe(true);

    const discoveries = await qfzz.generatePlaylist(listenerId, { ...context, size: 5, discovery: 1 });
    expect(discoveries.tracks).toHaveLength(5);
    expect(discoveries.tracks.every((t) => t.discovery && t.genre !== 'rock')).toBe(true);
  });

  it('generatePlaylist reflects the client’s last write (read-your-writes)', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    const before = await qfzz.generatePlaylist(listenerId, { size: 3 });
    await qfzz.recordInteraction(listenerId, { trackId: 'clair-de-lune', type: 'favorite' });
    const after = await qfzz.generatePlaylist(listenerId, { size: 3 });
    expect(after.profileVersion).toBeGreaterThan(before.profileVersion);
  });

  it('generatePlaylist refuses a size or hour out of range with a 400, never clamping', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    for (const [options, field] of [
      [{ size: 101 }, 'size'],
      [{ size: 0 }, 'size'],
      [{ hour: 24 }, 'hour'],
      [{ discovery: 1.5 }, 'discovery'],
    ] as const) {
      const error = (await qfzz
        .generatePlaylist(listenerId, options)
        .catch((e: unknown) => e)) as QfzzApiError;
      expect({ field, status: error.status, message: error.message }).toEqual({
        field,
        status: 400,
        message: expect.stringMatching(new RegExp(`^query\\.${field}: `)),
      });
    }
  });
});
