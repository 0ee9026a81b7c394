import { join } from 'node:path';
import { connectionStreamId } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { followLogIntoCommunityGraph } from '../follow/followLogIntoCommunityGraph';
import { CommunityGraph } from '../graph/communityGraph';
import { TrustQueries } from '../queries/trustQueries';
import { likes, plays, register, tempDir } from '../testSupport/listenerLog';
import { CommunityCommands } from './communityCommands';

jest.setTimeout(30_000);

describe('a consent-based community (SQLite log, edge follower)', () => {
  const temp = tempDir('qfzz-community-');
  let store: SqliteEventStore;
  let graph: CommunityGraph;
  let follower: ReturnType<typeof followLogIntoCommunityGraph>;
  let commands: CommunityCommands;
  let queries: TrustQueries;
  const settle = async () => follower.waitFor(await store.headPosition());

  beforeEach(async () => {
    store = new SqliteEventStore({ file: join(temp.dir, `${Date.now()}-${Math.random()}.db`) });
    graph = new CommunityGraph({ store });
    follower = followLogIntoCommunityGraph(store, graph);
    commands = new CommunityCommands(store);
    queries = new TrustQueries(graph, store);
    for (const [id, name] of [
      ['ann', 'Ann'],
      ['bob', 'Bob'],
      ['cat', 'Cat'],
      ['dan', 'Dan'],
    ])
      await register(store, id, name);
    await plays(store, 'bob', 18); // + 2 likes below: 20 interactions, 0.7
    await plays(store, 'dan', 39); // + 1 favorite: 40 interactions, 0.9
    await likes(store, 'bob', ['t-shared', 't-bob']);
    await likes(store, 'dan', ['t-shared'], 'TrackFavorited');
    await settle();
  });
  afterEach(async () => {
    await follower.stop();
    await store.close();
  });
  afterAll(() => temp.remove());

  it('keeps a request pending until the one asked accepts; only the two of them see it', async () => {
    expect((await commands.request('ann', 'bob')).outcome).toBe('requested');
    await settle();
    expect(queries.community('ann')).toMatchObject({
      connections: [],
      pending: [{ listenerId: 'bob', direction: 'outgoing' }],
      loving: [],
    });
    expect(queries.community('bob').pending).toEqual([
      expect.objectContaining({ listenerId: 'ann', direction: 'incoming' }),
    ]);
    // A third party sees nothing of it.
    expect(queries.community('cat')).toEqual({ connections: [], pending: [], loving: [] });
    // Nothing flows before consent.
    expect(queries.socialSignal({ listenerId: 'ann' }).tracks).toEqual([]);
    expect(queries.trust('ann').communityTrust).toBe(0.5);

    await commands.accept('bob', 'ann');
    await settle();
    expect(queries.community('ann')).toMatchObject({
      connections: [{ listenerId: 'bob', name: 'Bob' }],
      pending: [],
    });
    expect(queries.community('bob').connections.map((c) => c.listenerId)).toEqual(['ann']);
    expect(queries.socialSignal({ listenerId: 'ann' }).tracks).toEqual([
      { trackId: 't-bob', weight: 0.7, friends: 1 },
      { trackId: 't-shared', weight: 0.7, friends: 1 },
    ]);
    expect(queries.trust('ann').communityTrust).toBe(0.56); // 0.7 × 0.5 + 0.3 × 0.7
    expect(queries.community('cat')).toEqual({ connections: [], pending: [], loving: [] });
    expect(queries.socialSignal({ listenerId: 'cat' }).tracks).toEqual([]);
  });

  it('counts friends per track, never who: "2 friends love this", weighted by their trust', async () => {
    for (const friend of ['bob', 'dan']) {
      await commands.request('ann', friend);
      await commands.accept(friend, 'ann');
    }
    await settle();
    expect(queries.community('ann').loving).toEqual([
      { trackId: 't-shared', friends: 2 },
      { trackId: 't-bob', friends: 1 },
    ]);
    expect(queries.socialSignal({ listenerId: 'ann', limit: 1 }).tracks).toEqual([
      { trackId: 't-shared', weight: 1.6, friends: 2 },
    ]);
  });

  it('makes a repeated request idempotent, and a request back an acceptance', async () => {
    await commands.request('ann', 'bob');
    expect((await commands.request('ann', 'bob')).outcome).toBe('already-requested');
    expect(await store.readStream(connectionStreamId('ann', 'bob'))).toHaveLength(1);
    const back = await commands.request('bob', 'ann');
    expect(back.outcome).toBe('accepted');
    expect(back.state).toMatchObject({ status: 'connected', from: 'ann', to: 'bob' });
  });

  it('answers commands that cannot be done with clear errors, and writes nothing', async () => {
    await expect(commands.accept('bob', 'ann')).rejects.toMatchObject({
      code: 'NO_PENDING_REQUEST',
      message: 'there is no pending request from ann to bob',
    });
    await commands.request('ann', 'bob');
    await expect(commands.accept('ann', 'bob')).rejects.toMatchObject({ code: 'CANNOT_ACCEPT_OWN_REQUEST' });
    await expect(commands.request('ann', 'ann')).rejects.toMatchObject({ code: 'SELF_CONNECTION' });
    await expect(commands.request('ann', 'ghost')).rejects.toMatchObject({ code: 'LISTENER_NOT_FOUND' });
    await expect(commands.remove('cat', 'dan')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await expect(commands.request('ann', 'no spaces')).rejects.toMatchObject({ code: 'INVALID_LISTENER_ID' });
    expect(await store.readStream(connectionStreamId('ann', 'bob'))).toHaveLength(1);
    expect(await store.readStream(connectionStreamId('cat', 'dan'))).toHaveLength(0);
  });

  it('lets the one asked decline, and either side remove; both end it', async () => {
    await commands.request('ann', 'bob');
    expect((await commands.decline('bob', 'ann')).state).toEqual({ status: 'none' });
    await commands.request('ann', 'dan');
    await commands.accept('dan', 'ann');
    await settle();
    expect(queries.community('ann').connections.map((c) => c.listenerId)).toEqual(['dan']);
    await commands.remove('dan', 'ann');
    await settle();
    expect(queries.community('ann')).toEqual({ connections: [], pending: [], loving: [] });
    expect(queries.community('dan').connections).toEqual([]);
  });

  it('ends where a replay from scratch does', async () => {
    await commands.request('ann', 'bob');
    await commands.accept('bob', 'ann');
    await commands.request('cat', 'ann');
    await settle();
    const replayed = new CommunityGraph();
    for (let after = 0; ; ) {
      const batch = await store.readAll({ after, limit: 3 });
      if (batch.nextPosition === after) break;
      for (const event of batch.events) await replayed.apply(event);
      after = batch.nextPosition;
    }
    const replayQueries = new TrustQueries(replayed, store);
    for (const id of ['ann', 'bob', 'cat', 'dan']) {
      expect(replayQueries.community(id)).toEqual(queries.community(id));
      expect(replayQueries.trust(id)).toEqual(queries.trust(id));
    }
  });
});
