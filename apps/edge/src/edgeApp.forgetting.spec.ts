import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDGE_TEST_ADMIN, flowCatalog, startEdgeTestApp, type EdgeTestApp } from './testing/edgeTestApp';
import { edgeRuntimeOf } from './edgeApp';

/** Every byte SQLite keeps for a database file: the file, its WAL and journal. */
function databaseBytes(file: string): Buffer {
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`, `${file}-journal`].filter(existsSync).map((f) => readFileSync(f)),
  );
}

const SECRET_ARTIST = 'Quillon Vexmoor';
const SECRET_NAME = 'Ximena Thistlewood';

describe('edge mode: forgetting a listener (crypto-shredding) through HTTP', () => {
  let edge: EdgeTestApp;
  let ximena: string;
  let sam: string;
  beforeAll(async () => {
    edge = await startEdgeTestApp();
    await edge.call('/v1/catalog/tracks', {
      method: 'POST',
      token: EDGE_TEST_ADMIN,
      body: { tracks: flowCatalog() },
    });
    ximena = await edge.register('ximena', {
      name: SECRET_NAME,
      preferences: { artists: { [SECRET_ARTIST]: 0.95 }, genres: { jazz: 0.7 } },
    });
    sam = await edge.register('sam', { name: 'Sam' });
  });
  afterAll(() => edge.close());

  it('stores personal data sealed, and after DELETE nothing of theirs comes back from any endpoint, the log file, or a replay', async () => {
    const said = await edge.call('/v1/listeners/ximena/messages', {
      method: 'POST',
      token: ximena,
      body: { text: `I really love ${SECRET_ARTIST}, play something like that` },
    });
    expect(said.status).toBe(200);
    await edge.call('/v1/listeners/ximena/interactions', {
      method: 'POST',
      token: ximena,
      body: { trackId: 'trk-2', type: 'favorite' },
    });
    await edge.call('/v1/listeners/ximena/community', {
      method: 'POST',
      token: ximena,
      body: { friendId: 'sam' },
    });
    await edge.call('/v1/listeners/sam/community/ximena/accept', { method: 'POST', token: sam });
    expect((await edge.call('/v1/listeners/sam/community', { token: sam })).body).toMatchObject({
      connections: [{ listenerId: 'ximena', name: SECRET_NAME }],
      loving: [{ trackId: 'trk-2', friends: 1 }],
    });

    // Her favourite and a like pair trk-2 with trk-3 in the recommender's shared co-listening counts.
    const liked = await edge.call('/v1/listeners/ximena/interactions', {
      method: 'POST',
      token: ximena,
      body: { trackId: 'trk-3', type: 'like' },
    });
    const { recommender } = edgeRuntimeOf(edge.app);
    await recommender.follower.waitFor(liked.body.position);
    expect(recommender.follower.coListening.similarity('trk-2', 'trk-3')).toBeGreaterThan(0);

    // Before: the export opens the data for its owner; the log file holds only ciphertext.
    const exported = await edge.call('/v1/listeners/ximena/events', { token: ximena });
    expect(JSON.stringify(exported.body)).toContain(SECRET_ARTIST);
    const logFile = join(edge.dataDir, 'qfzz.db');
    expect(databaseBytes(logFile).includes(Buffer.from(SECRET_ARTIST))).toBe(false);
    expect(databaseBytes(logFile).includes(Buffer.from(SECRET_NAME))).toBe(false);

    const forgotten = await edge.call('/v1/listeners/ximena', { method: 'DELETE', token: ximena });
    expect(forgotten).toMatchObject({ status: 202, body: { listenerId: 'ximena', forgotten: true } });
    // Her share of the co-listening counts goes too (the recommender folds the log afresh without it).
    await recommender.follower.caughtUp();
    await recommender.follower.refolded();
    expect(recommender.follower.coListeningRefolds).toBe(1);
    expect(recommender.follower.coListening.similarity('trk-2', 'trk-3')).toBe(0);
    expect(recommender.follower.coListening.entriesOf('trk-2')).toBe(0);

    const expectGone = async () => {
      for (const [method, path, body] of [
        ['GET', '/profile', undefined],
        ['GET', '/events', undefined],
        ['GET', '/insights', undefined],
        ['GET', '/trust', undefined],
        ['GET', '/verify', undefined],
        ['GET', '/greeting', undefined],
        ['GET', '/playlist', undefined],
        ['GET', '/community', undefined],
        ['GET', '/dj', undefined],
        ['GET', '/stream', undefined],
        ['POST', '/messages', { text: 'hello?' }],
        ['POST', '/interactions', { trackId: 'trk-1', type: 'like' }],
        ['PATCH', '/preferences', ['jazz']],
        ['DELETE', '', undefined],
      ] as const) {
        const response = await edge.call(`/v1/listeners/ximena${path}`, { method, token: ximena, body });
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        expect(JSON.stringify(response.body)).not.toContain(SECRET_ARTIST);
      }
      // the friend sees no trace: no connection, nothing loved
      expect((await edge.call('/v1/listeners/sam/community', { token: sam })).body).toEqual({
        connections: [],
        pending: [],
        loving: [],
      });
      const samPlaylist = await edge.call('/v1/listeners/sam/playlist?size=36', { token: sam });
      expect(JSON.stringify(samPlaylist.body)).not.toMatch(/friend/);
      // no takeover of the id (the old token would open it again)
      expect(
        (await edge.call('/v1/listeners', { method: 'POST', body: { listenerId: 'ximena' } })).status,
      ).toBe(409);
    };
    await expectGone();

    // The raw SQLite files: no plaintext of the stated artist or the name.
    for (const file of ['qfzz.db', 'read-models.db', 'keys.db']) {
      const bytes = databaseBytes(join(edge.dataDir, file));
      expect({ file, artist: bytes.includes(Buffer.from(SECRET_ARTIST)) }).toEqual({ file, artist: false });
      expect({ file, name: bytes.includes(Buffer.from(SECRET_NAME)) }).toEqual({ file, name: false });
    }

    // A full replay of the profiles does not bring anything back.
    const job = await edge.call('/v1/admin/replay', {
      method: 'POST',
      token: EDGE_TEST_ADMIN,
      body: { projection: 'taste-profiles' },
    });
    expect(job.status).toBe(202);
    let state = 'running';
    for (let i = 0; i < 100 && state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await edge.call(`/v1/admin/replay/${job.body.jobId}`, { token: EDGE_TEST_ADMIN })).body.state;
    }
    expect(state).toBe('done');
    await expectGone();
    expect(databaseBytes(join(edge.dataDir, 'read-models.db')).includes(Buffer.from(SECRET_ARTIST))).toBe(
      false,
    );
  });
});
