import { join } from 'node:path';
import { TRUST_SERVICE, TrustQuery, type TrustView } from '@qfzz/contracts';
import { SqliteEventStore } from '@qfzz/event-store';
import { NatsQueryBus, type QueryResponder } from '@qfzz/messaging';
import { startNats, type RunningNats } from '@qfzz/testing';
import { CommunityCommands } from '../community/communityCommands';
import { followLogIntoCommunityGraph } from '../follow/followLogIntoCommunityGraph';
import { CommunityGraph } from '../graph/communityGraph';
import { plays, register, tempDir } from '../testSupport/listenerLog';
import { serveTrustQueries } from './serveTrustQueries';
import { TrustQueries } from './trustQueries';

jest.setTimeout(60_000);

describe('trust and community trust follow the seed numbers (asked over real NATS)', () => {
  let nats: RunningNats;
  let bus: NatsQueryBus;
  let responders: QueryResponder[];
  const temp = tempDir('qfzz-trust-seed-');
  const store = new SqliteEventStore({ file: join(temp.dir, 'qfzz.db') });
  const graph = new CommunityGraph({ store });
  const follower = followLogIntoCommunityGraph(store, graph);
  const commands = new CommunityCommands(store);
  const ask = (listenerId: string) =>
    bus.request<{ listenerId: string }, TrustView>(TRUST_SERVICE, TrustQuery.trust, { listenerId });

  const connect = async (a: string, b: string) => {
    await commands.request(a, b);
    return commands.accept(b, a);
  };

  beforeAll(async () => {
    nats = await startNats();
    bus = await NatsQueryBus.connect(nats.url);
    responders = await serveTrustQueries(bus, new TrustQueries(graph, store));
    for (const [id, n] of [
      ['ten', 10],
      ['thirty', 30],
      ['eighty', 80],
      ['forty', 40],
      ['zero', 0],
      ['newbie', 0],
      ['loner', 12],
    ] as const) {
      await register(store, id);
      await plays(store, id, n);
    }
    await connect('ten', 'eighty');
    await connect('newbie', 'zero');
    await connect('newbie', 'forty');
    const last = await connect('newbie', 'eighty');
    await follower.waitFor(last.position as number);
  });

  afterAll(async () => {
    for (const responder of responders ?? []) await responder.stop();
    await bus?.close();
    await nats?.stop();
    await follower.stop();
    await store.close();
    temp.remove();
  });

  it.each([
    ['ten', 0.6, 'friend'],
    ['thirty', 0.8, 'close_friend'],
    ['eighty', 1, 'best_friend'],
    ['forty', 0.9, 'best_friend'],
    ['zero', 0.5, 'friend'],
  ])('%s interactions: trust %p (%s)', async (id, score, level) => {
    const view = await ask(id);
    expect(view.trustScore).toBe(score);
    expect(view.trustLevel).toBe(level);
  });

  it('community trust is 0.7 own + 0.3 the connection: 0.7 × 0.6 + 0.3 × 1.0 = 0.72', async () => {
    expect(await ask('ten')).toEqual({ trustScore: 0.6, trustLevel: 'friend', communityTrust: 0.72 });
  });

  it('with several connections it takes their mean: 0.7 × 0.5 + 0.3 × mean(0.5, 0.9, 1.0) = 0.59', async () => {
    expect((await ask('newbie')).communityTrust).toBe(0.59);
  });

  it('with no connections community trust is the own score', async () => {
    expect(await ask('loner')).toEqual({ trustScore: 0.62, trustLevel: 'friend', communityTrust: 0.62 });
  });

  it('answers an unknown listener with LISTENER_NOT_FOUND', async () => {
    await expect(ask('nobody')).rejects.toMatchObject({ code: 'LISTENER_NOT_FOUND' });
  });
});
