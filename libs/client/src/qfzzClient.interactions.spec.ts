import { QfzzApiError } from './qfzzApiError';
import { startEdgeInstance, type EdgeInstance } from './testing/edgeInstance';

describe('interactions and history through the SDK', () => {
  let edge: EdgeInstance;
  beforeAll(async () => (edge = await startEdgeInstance()));
  afterAll(() => edge?.close());

  async function refused(promise: Promise<unknown>): Promise<QfzzApiError> {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QfzzApiError);
    return error as QfzzApiError;
  }

  it('records each kind of reaction (a rating, a context, a time) and returns eventId, version and position', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    const played = await qfzz.recordInteraction(listenerId, {
      trackId: 'so-what',
      type: 'play',
      at: '2025-06-01T08:30:00.000Z',
      context: { activity: 'studying', mood: 'calm', hour: 8 },
    });
    expect(played).toEqual({ eventId: expect.any(String), version: 2, position: expect.any(Number) });
    const rated = await qfzz.recordInteraction(listenerId, { trackId: 'take-five', type: 'rate', rating: 1 });
    const favorite = await qfzz.recordInteraction(listenerId, { trackId: 'naima', type: 'favorite' });
    expect([rated.version, favorite.version]).toEqual([3, 4]);
    const profile = await qfzz.getProfile(listenerId);
    expect(profile).toMatchObject({ interactionCount: 3, position: favorite.position });
    // play +0.05, rate 1 -> +0.1, favorite +0.2 on jazz, from 0.5.
    expect(profile.genres.jazz).toBeCloseTo(0.85, 6);
    const events = await qfzz.exportAllEvents(listenerId);
    expect(events[1]).toMatchObject({
      type: 'TrackPlayed',
      data: expect.objectContaining({ context: { activity: 'studying', mood: 'calm', hour: 8 } }),
    });
  });

  it('refuses what API.md refuses, as a QfzzApiError naming the field, and nothing is written', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    const cases: [Parameters<typeof qfzz.recordInteraction>[1], RegExp][] = [
      [{ trackId: 'so-what', type: 'rate' }, /^body\.rating: required for type "rate"$/],
      [{ trackId: 'so-what', type: 'rate', rating: 1.2 }, /^body\.rating: must be within 0\.\.1$/],
      [
        { trackId: 'no-such-track', type: 'like' },
        /^body\.trackId: track "no-such-track" is not in the catalog$/,
      ],
      [{ trackId: 'so-what', type: 'love' as 'like' }, /^body\.type: /],
      [
        { trackId: 'so-what', type: 'play', context: { hour: 24 } },
        /^body\.context\.hour: must be within 0\.\.23$/,
      ],
    ];
    for (const [interaction, message] of cases) {
      const error = await refused(qfzz.recordInteraction(listenerId, interaction));
      expect({ status: error.status, error: error.error, message: error.message }).toEqual({
        status: 400,
        error: 'Bad Request',
        message: expect.stringMatching(message),
      });
    }
    expect((await qfzz.exportAllEvents(listenerId)).map((e) => e.type)).toEqual(['ListenerRegistered']);
  });

  it('imports history in bulk: plays count one event each, and the position is the last one', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    const imported = await qfzz.importHistory(listenerId, [
      { trackId: 'bohemian-rhapsody', plays: 5, at: '2025-01-01T20:00:00.000Z' },
      { trackId: 'smells-like', type: 'skip' },
      { trackId: 'dont-stop-me-now', type: 'rate', rating: 0.9 },
    ]);
    expect(imported).toEqual({ accepted: 7, position: expect.any(Number) });
    expect(await qfzz.getProfile(listenerId)).toMatchObject({
      interactionCount: 7,
      position: imported.position,
    });
  });

  it('imports all or nothing: one unknown track refuses the whole call, naming it', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    const error = await refused(
      qfzz.importHistory(listenerId, [{ trackId: 'so-what', plays: 2 }, { trackId: 'missing-1' }]),
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe('body.items[].trackId: not in the catalog: "missing-1"');
    expect((await qfzz.getProfile(listenerId)).interactionCount).toBe(0);
  });

  it('imports 10,000 items in one call', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener();
    const trackIds = ['so-what', 'take-five', 'one-more-time', 'juicy'];
    const items = Array.from({ length: 10_000 }, (_, i) => ({ trackId: trackIds[i % 4] }));
    expect((await qfzz.importHistory(listenerId, items)).accepted).toBe(10_000);
    expect((await qfzz.getProfile(listenerId)).interactionCount).toBe(10_000);
  });
});
