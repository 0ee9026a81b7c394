import { isQfzzApiError, QfzzApiError } from './qfzzApiError';
import { startEdgeInstance, type EdgeInstance } from './testing/edgeInstance';

async function refusal(promise: Promise<unknown>): Promise<QfzzApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof QfzzApiError)) throw new Error(`expected a QfzzApiError, got ${String(error)}`);
  return error;
}

describe('listeners, tokens and profiles through the SDK', () => {
  let edge: EdgeInstance;
  beforeAll(async () => (edge = await startEdgeInstance()));
  afterAll(() => edge?.close());

  describe('createListener and tokens', () => {
    it('registers with a chosen id, remembers the token, and sends it for that listener', async () => {
      const qfzz = edge.client();
      const ann = await qfzz.createListener({ listenerId: 'ann', name: 'Ann' });
      expect(ann).toEqual({ listenerId: 'ann', token: expect.any(String), position: expect.any(Number) });
      expect(qfzz.tokenOf('ann')).toBe(ann.token);
      expect(await qfzz.getProfile('ann')).toMatchObject({
        listenerId: 'ann',
        name: 'Ann',
        interactionCount: 0,
      });
    });

    it('generates an id when none is given, and keeps tokens of several listeners apart', async () => {
      const qfzz = edge.client();
      const one = await qfzz.createListener();
      const two = await qfzz.createListener();
      expect(one.listenerId).not.toBe(two.listenerId);
      expect((await qfzz.getProfile(one.listenerId)).listenerId).toBe(one.listenerId);
      expect((await qfzz.getProfile(two.listenerId)).listenerId).toBe(two.listenerId);
    });

    it('refuses an id that exists with a 409 QfzzApiError carrying the gateway’s status, error and message', async () => {
      const qfzz = edge.client();
      await qfzz.createListener({ listenerId: 'taken' });
      const error = await refusal(qfzz.createListener({ listenerId: 'taken', name: 'Mallory' }));
      expect(error).toMatchObject({
        name: 'QfzzApiError',
        status: 409,
        error: 'Conflict',
        message: 'listener taken already exists',
        method: 'POST',
        url: `${edge.url}/v1/listeners`,
        body: { statusCode: 409, error: 'Conflict', message: 'listener taken already exists' },
      });
      expect(isQfzzApiError(error, 409)).toBe(true);
      expect(isQfzzApiError(error, 400)).toBe(false);
    });

    it('passes the gateway’s 400 naming the field', async () => {
      const error = await refusal(edge.client().createListener({ listenerId: 'a b' }));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^body\.listenerId: /);
    });

    it('without a token a listener call is a 401; with another listener’s token a 403', async () => {
      const owner = edge.client();
      const { listenerId } = await owner.createListener();
      const stranger = edge.client();
      expect((await refusal(stranger.getProfile(listenerId))).status).toBe(401);
      const { token: otherToken } = await stranger.createListener();
      const impostor = edge.client({ token: otherToken });
      const forbidden = await refusal(impostor.getProfile(listenerId));
      expect(forbidden).toMatchObject({
        status: 403,
        error: 'Forbidden',
        message: 'this token belongs to another listener',
      });
    });

    it('uses a token kept from before (useToken, the default token, or a session)', async () => {
      const { listenerId, token } = await edge.client().createListener({ name: 'Kept' });
      expect((await edge.client().useToken(listenerId, token).getProfile(listenerId)).name).toBe('Kept');
      expect((await edge.client({ token }).getProfile(listenerId)).name).toBe('Kept');
      const session = edge.client().session(listenerId, token);
      expect(session.listenerId).toBe(listenerId);
      expect((await session.getProfile()).name).toBe('Kept');
    });
  });

  describe('profiles and read-your-writes', () => {
    it('write methods return a position, and getProfile({minPosition}) reflects it', async () => {
      const qfzz = edge.client({ readYourWrites: false });
      const { listenerId, position: registered } = await qfzz.createListener();
      const liked = await qfzz.recordInteraction(listenerId, { trackId: 'so-what', type: 'like' });
      expect(liked.position).toBeGreaterThan(registered);
      const profile = await qfzz.getProfile(listenerId, { minPosition: liked.position });
      expect(profile.position).toBe(liked.position);
      expect(profile.genres).toEqual({ jazz: 0.6 });
    });

    it('by default the next read waits for the client’s own last write, and a session sees the same', async () => {
      const qfzz = edge.client();
      const session = qfzz.session((await qfzz.createListener()).listenerId);
      const { position } = await session.importHistory([{ trackId: 'one-more-time', plays: 3 }]);
      expect(session.lastPosition).toBe(position);
      expect(qfzz.lastPosition(session.listenerId)).toBe(position);
      expect(await session.getProfile()).toMatchObject({ position, interactionCount: 3 });
      expect(await session.getTrustScore()).toMatchObject({ trustScore: 0.53 });
      expect((await session.getInsights()).totalInteractions).toBe(3);
    });

    it('updatePreferences takes a list of words (deduplicated) or weights, and answers with the profile', async () => {
      const qfzz = edge.client();
      const { listenerId } = await qfzz.createListener();
      const byWords = await qfzz.updatePreferences(listenerId, ['jazz', 'Jazz', 'deep house']);
      expect(byWords.genres).toMatchObject({ jazz: 0.6, 'deep house': 0.6 });
      const byWeights = await qfzz.updatePreferences(listenerId, {
        genres: { rock: 0.9 },
        energyLevel: 0.8,
        tempoPreference: 'fast',
        discoveryFactor: 0.1,
      });
      expect(byWeights).toMatchObject({
        genres: expect.objectContaining({ rock: 0.9 }),
        energyLevel: 0.8,
        tempoPreference: 'fast',
        discoveryFactor: 0.1,
      });
      expect(byWeights.position).toBeGreaterThan(byWords.position);
      expect(qfzz.lastPosition(listenerId)).toBe(byWeights.position);
    });

    it('getInsights gives the seed’s profile analysis', async () => {
      const qfzz = edge.client();
      const { listenerId } = await qfzz.createListener();
      await qfzz.importHistory(listenerId, [
        { trackId: 'so-what', type: 'like' },
        { trackId: 'take-five', type: 'like' },
        { trackId: 'one-more-time', type: 'skip' },
        { trackId: 'clair-de-lune', type: 'play' },
      ]);
      expect(await qfzz.getInsights(listenerId)).toEqual({
        genreDiversity: 3,
        genreConcentration: expect.any(Number),
        artistDiversity: 4,
        totalInteractions: 4,
        recentLikeRate: 0.5,
        recentSkipRate: 0.25,
        topGenres: expect.arrayContaining([{ genre: 'jazz', weight: 0.7 }]),
        topArtists: expect.any(Array),
      });
    });
  });

  describe('verify and export', () => {
    it('verify checks the hash chain; exportEvents pages; exportAllEvents follows the pages', async () => {
      const qfzz = edge.client();
      const { listenerId } = await qfzz.createListener({ name: 'Chain' });
      await qfzz.importHistory(listenerId, [{ trackId: 'so-what', plays: 4 }]);
      const all = await qfzz.exportAllEvents(listenerId);
      expect(all.map((e) => e.type)).toEqual(['ListenerRegistered', ...Array(4).fill('TrackPlayed')]);
      expect(all.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect(await qfzz.verify(listenerId)).toEqual({ ok: true, events: 5, headHash: all[4].hash });

      const first = await qfzz.exportEvents(listenerId, { limit: 2 });
      expect(first).toMatchObject({ listenerId, nextFromVersion: 3 });
      expect(first.events.map((e) => e.version)).toEqual([1, 2]);
      const last = await qfzz.exportEvents(listenerId, { fromVersion: 5 });
      expect(last.events.map((e) => e.version)).toEqual([5]);
      expect(last.nextFromVersion).toBeUndefined();
      expect(await qfzz.exportAllEvents(listenerId, { limit: 2 })).toEqual(all);
    });
  });

  describe('DJs', () => {
    it('lists the personas, and a listener chooses one', async () => {
      const qfzz = edge.client();
      const { djs, defaultDjId } = await qfzz.listDjs();
      expect(djs.map((dj) => dj.djId)).toEqual(['nova', 'pulse', 'atlas', 'ember']);
      expect(defaultDjId).toBe('nova');
      const { listenerId } = await qfzz.createListener();
      expect(await qfzz.getDj(listenerId)).toMatchObject({ djId: 'nova', chosen: false });
      const chosen = await qfzz.chooseDj(listenerId, 'atlas');
      expect(chosen).toMatchObject({ listenerId, djId: 'atlas', chosen: true, dj: { name: 'Atlas' } });
      expect((await qfzz.getDj(listenerId)).djId).toBe('atlas');
      const error = await refusal(qfzz.chooseDj(listenerId, 'hal'));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^body\.djId: unknown DJ "hal"/);
    });
  });

  describe('forget (DELETE /v1/listeners/{id})', () => {
    it('forgets the listener: 202, then the listener is gone (404) and the client drops its token', async () => {
      const qfzz = edge.client();
      const { listenerId, token } = await qfzz.createListener({ name: 'Gone' });
      await qfzz.recordInteraction(listenerId, { trackId: 'so-what', type: 'like' });
      await qfzz.forget(listenerId);
      expect(qfzz.tokenOf(listenerId)).toBeUndefined();
      expect(qfzz.lastPosition(listenerId)).toBe(0);
      const again = edge.client().useToken(listenerId, token);
      expect((await refusal(again.getProfile(listenerId))).status).toBe(404);
      expect((await refusal(again.exportEvents(listenerId))).status).toBe(404);
    });
  });
});
