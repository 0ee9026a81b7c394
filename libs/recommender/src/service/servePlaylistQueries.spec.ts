import { join } from 'node:path';
import {
  PlaylistQuery,
  RECOMMENDER_SERVICE,
  TRUST_SERVICE,
  TrustQuery,
  type Playlist,
  type SocialSignal,
} from '@qfzz/contracts';
import { newQfzzEvent } from '@qfzz/domain';
import { InProcessQueryBus, QueryError } from '@qfzz/messaging';
import { SqliteProfileReadModels, TasteProfileProjection } from '@qfzz/profile-projection';
import { RecommenderLogFollower } from '../follower/recommenderLogFollower';
import { PlaylistGenerator } from '../ranking/playlistGenerator';
import { openLogFixture, registeredRockFan, type LogFixture } from '../testing/logFixture';
import { PlaylistService } from './playlistService';
import { servePlaylistQueries } from './servePlaylistQueries';
import { socialSignalOverQueryBus } from './socialSignalSource';

describe('servePlaylistQueries: recommender.generate on the query bus', () => {
  let log: LogFixture;
  let follower: RecommenderLogFollower;
  let readModels: SqliteProfileReadModels;
  let bus: InProcessQueryBus;
  let errors: unknown[];

  beforeEach(async () => {
    log = await openLogFixture();
    await log.append('ada', [
      ...registeredRockFan('ada'),
      newQfzzEvent('CommunityAccepted', { from: 'ada', to: 'bo' }),
    ]);
    follower = new RecommenderLogFollower(log.store).start();
    await follower.caughtUp();
    readModels = new SqliteProfileReadModels(join(log.dir, 'read-models.db'));
    bus = new InProcessQueryBus();
    errors = [];
    const service = new PlaylistService({
      generator: new PlaylistGenerator(follower.index, { coListening: follower.coListening }),
      profiles: new TasteProfileProjection(log.store, readModels.live()),
      social: socialSignalOverQueryBus(bus, { onError: (e) => errors.push(e) }),
    });
    await servePlaylistQueries(bus, service);
  });

  afterEach(async () => {
    await bus.close();
    await follower.stop();
    await readModels.close();
    await log.close();
  });

  const ask = (request: object) =>
    bus.request<object, Playlist>(RECOMMENDER_SERVICE, PlaylistQuery.generate, request);

  it('answers with the contract shape; with no trust service running there is simply no social reason', async () => {
    const playlist = await ask({ listenerId: 'ada', size: 12, exclude: 'played', hour: 8 });
    expect(playlist.profileVersion).toBe(3);
    expect(new Date(playlist.generatedAt).toISOString()).toBe(playlist.generatedAt);
    expect(playlist.tracks).toHaveLength(12);
    for (const t of playlist.tracks) {
      expect(Object.keys(t).sort()).toEqual([
        'artist',
        'discovery',
        'genre',
        'reason',
        'score',
        'title',
        'trackId',
      ]);
      expect(t.reason.length).toBeGreaterThan(0);
      expect(t.reason).not.toMatch(/friend/);
    }
    expect(errors).toEqual([]); // NO_RESPONDER is expected, not an error
  });

  it('asks the trust service for friends’ likes when one answers', async () => {
    await bus.respond<object, SocialSignal>(TRUST_SERVICE, TrustQuery.socialSignal, () => ({
      tracks: [{ trackId: 'rock.2.3', weight: 1.6, friends: 2 }],
    }));
    const playlist = await ask({ listenerId: 'ada', size: 20, discovery: 0 });
    expect(playlist.tracks.find((t) => t.trackId === 'rock.2.3')?.reason).toBe('2 friends love this');
  });

  it('rejects what API.md rejects, with codes the gateway maps to 400 and 404', async () => {
    for (const bad of [
      { listenerId: 'ada', size: 0 },
      { listenerId: 'ada', size: 101 },
      { listenerId: 'ada', hour: 24 },
      { listenerId: 'ada', discovery: 1.5 },
      { listenerId: 'ada', exclude: 'skipped' },
      { listenerId: 'ada', mood: '' },
      { listenerId: '' },
    ])
      await expect(ask(bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(ask({ listenerId: 'nobody' })).rejects.toEqual(expect.any(QueryError));
    await expect(ask({ listenerId: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
