import { QfzzApiError } from './qfzzApiError';
import { QfzzClient } from './qfzzClient';
import { startEdgeInstance, type EdgeInstance } from './testing/edgeInstance';
import { TEST_CATALOG } from './testing/testCatalog';

describe('catalog and admin through the SDK', () => {
  let edge: EdgeInstance;
  beforeAll(async () => (edge = await startEdgeInstance()));
  afterAll(() => edge?.close());

  it('health says the station answers in edge mode', async () => {
    expect(await edge.client().health()).toEqual({ status: 'ok', station: 'qfzz', mode: 'edge' });
  });

  it('importTracks (admin) accepts good rows, reports bad ones by index, and is idempotent on trackId', async () => {
    const result = await edge.admin.importTracks([
      {
        trackId: 'strobe',
        title: 'Strobe',
        artist: 'deadmau5',
        genre: 'Electronic',
        tempo: 128,
        valence: 0.3,
        energy: 0.7,
      },
      { trackId: 'no-title', title: '', artist: 'Nobody', genre: 'pop' },
      { trackId: 'loud', title: 'Loud', artist: 'X', genre: 'rock', energy: 1.5 },
    ]);
    expect(result).toMatchObject({
      accepted: 1,
      rejected: [
        { index: 1, error: expect.stringMatching(/title/) },
        { index: 2, error: expect.stringMatching(/energy/) },
      ],
    });
    const [strobe] = (await edge.client().searchTracks({ q: 'strobe' })).tracks;
    // Genre lower-cased, BPM filed under a tempo word, artist spelled as given.
    expect(strobe).toMatchObject({
      trackId: 'strobe',
      genre: 'electronic',
      tempo: 'fast',
      artist: 'deadmau5',
    });
    expect((await edge.admin.importTracks(TEST_CATALOG.slice(0, 2))).accepted).toBe(2);
    expect((await edge.client().searchTracks({ q: 'so what' })).tracks).toHaveLength(1);
  });

  it('importTracks needs the admin token: none is a 401, a listener’s a 403', async () => {
    const anonymous = edge.client();
    const none = await anonymous.importTracks(TEST_CATALOG.slice(0, 1)).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(QfzzApiError);
    expect((none as QfzzApiError).status).toBe(401);
    const { token } = await anonymous.createListener();
    const asListener = new QfzzClient({ baseUrl: edge.url, adminToken: token });
    expect(
      ((await asListener.importTracks(TEST_CATALOG.slice(0, 1)).catch((e: unknown) => e)) as QfzzApiError)
        .status,
    ).toBe(403);
  });

  it('searchTracks filters by genre, artist and text, and pages with the cursor', async () => {
    const qfzz = edge.client();
    const jazz = await qfzz.searchTracks({ genre: 'jazz' });
    expect(jazz.tracks.map((t) => t.trackId).sort()).toEqual([
      'blue-in-green',
      'naima',
      'so-what',
      'take-five',
    ]);
    const davis = await qfzz.searchTracks({ artist: 'Miles Davis' });
    expect(davis.tracks.map((t) => t.title).sort()).toEqual(['Blue in Green', 'So What']);

    const seen: string[] = [];
    let page = await qfzz.searchTracks({ limit: 5 });
    seen.push(...page.tracks.map((t) => t.trackId));
    while (page.nextCursor) {
      page = await qfzz.searchTracks({ limit: 5, cursor: page.nextCursor });
      expect(page.tracks.length).toBeLessThanOrEqual(5);
      seen.push(...page.tracks.map((t) => t.trackId));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(TEST_CATALOG.map((t) => t.trackId)));

    const error = (await qfzz.searchTracks({ limit: 101 }).catch((e: unknown) => e)) as QfzzApiError;
    expect(error).toMatchObject({ status: 400, message: 'query.limit: must be at most 100' });
  });

  it('replay (admin) starts a rebuild; replayStatus and waitForReplay follow it to done; profiles read the same', async () => {
    const qfzz = edge.client();
    const { listenerId } = await qfzz.createListener({ name: 'Replayed' });
    await qfzz.importHistory(listenerId, [
      { trackId: 'so-what', plays: 20 },
      { trackId: 'juicy', type: 'like' },
    ]);
    const before = await qfzz.getProfile(listenerId);

    const { jobId } = await edge.admin.replay({ projection: 'taste-profiles' });
    expect(jobId).toEqual(expect.any(String));
    const status = await edge.admin.replayStatus(jobId);
    expect(status).toMatchObject({
      jobId,
      projection: 'taste-profiles',
      state: expect.stringMatching(/running|done/),
    });
    const done = await edge.admin.waitForReplay(jobId, { pollMs: 10 });
    expect(done).toMatchObject({ state: 'done', progress: { phase: 'done', etaSeconds: 0 } });
    expect(done.progress.position).toBe(done.progress.head);
    expect(await qfzz.getProfile(listenerId)).toEqual(before);

    const defaultJob = await edge.admin.replay();
    expect((await edge.admin.waitForReplay(defaultJob.jobId)).projection).toBe('taste-profiles');
  });

  it('replay refusals: an unknown projection is a 400, an unknown job a 404, no admin token a 401', async () => {
    const unknown = (await edge.admin
      .replay({ projection: 'playlists' })
      .catch((e: unknown) => e)) as QfzzApiError;
    expect(unknown).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^body\.projection: unknown projection/),
    });
    expect(
      ((await edge.admin.replayStatus('no-such-job').catch((e: unknown) => e)) as QfzzApiError).status,
    ).toBe(404);
    const noAdmin = new QfzzClient({ baseUrl: edge.url });
    expect(((await noAdmin.replay().catch((e: unknown) => e)) as QfzzApiError).status).toBe(401);
  });
});
