import { join } from 'node:path';
import { TRUST_SERVICE, TrustQuery, type CommunityView, type SocialSignal } from '@qfzz/contracts';
import { SqliteEventStore } from '@qfzz/event-store';
import { JetStreamEventBus, NatsQueryBus, OutboxRelay } from '@qfzz/messaging';
import { startNats, type RunningNats } from '@qfzz/testing';
import { CommunityCommands } from '../community/communityCommands';
import { likes, register, tempDir, waitUntil } from '../testSupport/listenerLog';
import { startTrustNetworkWorker, type RunningTrustNetwork } from './trustNetworkWorker';

jest.setTimeout(60_000);

describe('cluster mode: the graph follows a JetStream durable; removal takes effect in the next social signal', () => {
  let nats: RunningNats;
  let bus: JetStreamEventBus;
  let queryBus: NatsQueryBus;
  let relay: OutboxRelay;
  let worker: RunningTrustNetwork;
  const temp = tempDir('qfzz-trust-cluster-');
  const store = new SqliteEventStore({ file: join(temp.dir, 'qfzz.db') });
  const commands = new CommunityCommands(store);
  const signal = (listenerId: string) =>
    queryBus.request<{ listenerId: string }, SocialSignal>(TRUST_SERVICE, TrustQuery.socialSignal, {
      listenerId,
    });
  const community = (listenerId: string) =>
    queryBus.request<{ listenerId: string }, CommunityView>(TRUST_SERVICE, TrustQuery.community, {
      listenerId,
    });
  /** Waits until the bus carried everything up to `position` and the worker applied it. */
  const delivered = async (position: number) => {
    await relay.waitFor(position);
    await waitUntil(() => worker.graph.position >= position, 10_000, `graph at ${position}`);
  };

  beforeAll(async () => {
    nats = await startNats();
    bus = await JetStreamEventBus.connect(nats.url);
    queryBus = await NatsQueryBus.connect(nats.url);
    // Some history before the worker starts: it folds the log first, then follows the bus.
    await register(store, 'ann', 'Ann');
    await register(store, 'bob', 'Bob');
    relay = new OutboxRelay(store, bus, { pollIntervalMs: 20 }).start();
    worker = await startTrustNetworkWorker({ store, bus, queryBus, replicaId: 'test-1', ackWaitMs: 5000 });
  });

  afterAll(async () => {
    await worker?.stop();
    await relay?.stop();
    await queryBus?.close();
    await bus?.close();
    await nats?.stop();
    await store.close();
    temp.remove();
  });

  it('shares a friend’s likes only while connected', async () => {
    await likes(store, 'bob', ['t-1', 't-2']);
    await commands.request('ann', 'bob');
    let last = await commands.accept('bob', 'ann');
    await delivered(last.position as number);
    expect(worker.durableName).toBe('trust-network-test-1');
    expect((await signal('ann')).tracks.map((t) => t.trackId).sort()).toEqual(['t-1', 't-2']);
    expect((await community('ann')).loving).toEqual([
      { trackId: 't-1', friends: 1 },
      { trackId: 't-2', friends: 1 },
    ]);

    last = await commands.remove('ann', 'bob');
    await delivered(last.position as number);
    expect(await signal('ann')).toEqual({ tracks: [] });
    expect(await community('bob')).toEqual({ connections: [], pending: [], loving: [] });

    // Likes after the removal do not flow either.
    const later = await likes(store, 'bob', ['t-3']);
    await delivered(later.lastPosition);
    expect(await signal('ann')).toEqual({ tracks: [] });
  });
});
