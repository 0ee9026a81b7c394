import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRUST_SERVICE, TrustQuery, type ChainCheck, type SocialSignal } from '@qfzz/contracts';
import { listenerStreamId, newQfzzEvent } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { JetStreamEventBus, NatsQueryBus, OutboxRelay } from '@qfzz/messaging';
import { EncryptingEventStore, SqliteDataKeyStore } from '@qfzz/privacy';
import { readServiceSettings, runService, type ServiceReplica } from '@qfzz/service-runtime';
import { CommunityCommands } from '@qfzz/trust-network';
import { startNats, type RunningNats } from '@qfzz/testing';
import { trustNetworkService, type RunningTrustNetworkService } from './trustNetworkService';

jest.setTimeout(60_000);

describe('a trust-network replica: sealed events on JetStream, queries on NATS', () => {
  let nats: RunningNats;
  let dir: string;
  let replica: ServiceReplica<undefined, RunningTrustNetworkService>;
  let writer: EncryptingEventStore;
  let keys: SqliteDataKeyStore;
  let bus: JetStreamEventBus;
  let relay: OutboxRelay;
  let queryBus: NatsQueryBus;

  beforeAll(async () => {
    nats = await startNats();
    dir = mkdtempSync(join(tmpdir(), 'qfzz-trust-app-'));
    const env = {
      NATS_URL: nats.url,
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_DATA_DIR: dir,
      QFZZ_REPLICA_ID: 'app-test',
      PORT: '0',
    };
    const { cluster: settings } = readServiceSettings(trustNetworkService, env);
    // The gateway's side: writes through its own EncryptingEventStore on the same files.
    keys = new SqliteDataKeyStore(settings.keysFile);
    writer = new EncryptingEventStore(new SqliteEventStore({ file: settings.sqliteFile }), { keys });
    bus = await JetStreamEventBus.connect(nats.url);
    // The relay publishes the log as stored: personal data crosses the bus sealed.
    relay = new OutboxRelay(writer.stored, bus, { pollIntervalMs: 20 }).start();
    queryBus = await NatsQueryBus.connect(nats.url);
    replica = await runService(trustNetworkService, env);
  });

  afterAll(async () => {
    await replica?.stop();
    await relay?.stop();
    await bus?.close();
    await queryBus?.close();
    await writer?.close();
    await keys?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens sealed bus events for the graph, answers the social signal, and verifies the stored chain', async () => {
    for (const id of ['ann', 'bob'])
      await writer.appendToStream(listenerStreamId(id), [
        newQfzzEvent('ListenerRegistered', { listenerId: id }),
      ]);
    await writer.appendToStream(listenerStreamId('bob'), [
      newQfzzEvent('TrackFavorited', { track: { trackId: 't-7', genre: 'soul', artist: 'Al Green' } }),
    ]);
    const commands = new CommunityCommands(writer);
    await commands.request('ann', 'bob');
    const accepted = await commands.accept('bob', 'ann');
    await relay.waitFor(accepted.position as number);
    const { graph } = replica.running.network;
    const deadline = Date.now() + 10_000;
    while (graph.position < (accepted.position as number) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));

    const signal = await queryBus.request<{ listenerId: string }, SocialSignal>(
      TRUST_SERVICE,
      TrustQuery.socialSignal,
      {
        listenerId: 'ann',
      },
    );
    expect(signal).toEqual({ tracks: [{ trackId: 't-7', weight: 0.51, friends: 1 }] });
    const check = await queryBus.request<{ listenerId: string }, ChainCheck>(
      TRUST_SERVICE,
      TrustQuery.verify,
      {
        listenerId: 'bob',
      },
    );
    expect(check).toMatchObject({ ok: true, events: 2 });

    const health = await fetch(`http://127.0.0.1:${replica.port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'trust-network' });
    const ready = await fetch(`http://127.0.0.1:${replica.port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { eventLog: true, bus: true } });
  });

  it('refuses settings that cannot work, saying what to set', () => {
    const read = (env: NodeJS.ProcessEnv) => readServiceSettings(trustNetworkService, env);
    expect(() => read({})).toThrow(/NATS_URL is required/);
    expect(() => read({ NATS_URL: 'nats://x', QFZZ_EVENT_STORE: 'postgres' })).toThrow(
      /expected sqlite or mongodb/,
    );
    expect(() => read({ NATS_URL: 'nats://x' })).toThrow(/MONGODB_URL is required/);
  });

  it('listens on 3104 unless PORT says otherwise, and names its durable after QFZZ_REPLICA_ID', () => {
    const env = { NATS_URL: 'nats://x', QFZZ_EVENT_STORE: 'sqlite', QFZZ_REPLICA_ID: 'trust-0' };
    expect(readServiceSettings(trustNetworkService, env).cluster).toMatchObject({
      port: 3104,
      replicaId: 'trust-0',
      outboxRelay: false,
    });
    expect(replica.running.network.durableName).toBe('trust-network-app-test');
  });
});
