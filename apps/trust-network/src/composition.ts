import mongoose from 'mongoose';
import { MongoEventStore, SqliteEventStore, type EventStore } from '@qfzz/event-store';
import { JetStreamEventBus, NatsQueryBus } from '@qfzz/messaging';
import { EncryptingEventStore, SqliteDataKeyStore } from '@qfzz/privacy';
import { startTrustNetworkWorker, type RunningTrustNetwork } from '@qfzz/trust-network';
import type { TrustNetworkSettings } from './settings';

export interface RunningReplica {
  store: EventStore;
  network: RunningTrustNetwork;
  /** Dependencies /ready checks. */
  checks(): Promise<Record<string, boolean>>;
  stop(): Promise<void>;
}

const log = (message: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ service: 'trust-network', pid: process.pid, message, ...extra }));

/**
 * Opens the cluster adapters the settings name and starts one replica on
 * them. The graph reads through the `EncryptingEventStore` (sealed personal
 * data opens while its key exists); `verify` reads the log as stored.
 */
export async function startReplica(settings: TrustNetworkSettings): Promise<RunningReplica> {
  const closers: (() => Promise<unknown>)[] = [];
  let stored: EventStore;
  if (settings.eventStore === 'mongodb') {
    const connection = await mongoose.createConnection(settings.mongodbUrl as string).asPromise();
    closers.push(() => connection.close());
    stored = await MongoEventStore.open(connection);
  } else {
    stored = new SqliteEventStore({ file: settings.sqliteFile });
    closers.push(() => stored.close());
  }
  const keys = new SqliteDataKeyStore(settings.keysFile);
  closers.push(() => keys.close());
  const store = new EncryptingEventStore(stored, { keys });

  const bus = await JetStreamEventBus.connect(settings.natsUrl);
  const queryBus = await NatsQueryBus.connect(settings.natsUrl);
  closers.unshift(
    () => bus.close(),
    () => queryBus.close(),
  );
  const network = await startTrustNetworkWorker({
    store,
    chainSource: stored,
    bus,
    queryBus,
    replicaId: settings.replicaId,
    // The bus carries events as the log stores them; open them like any reader.
    reveal: (event) => store.reveal(event),
    ackWaitMs: settings.ackWaitMs,
    onError: (error) => log('consumer error', { error: String(error) }),
  });
  log('replica started', { eventStore: settings.eventStore, durable: network.durableName });

  return {
    store,
    network,
    async checks() {
      const answers = async (probe: () => Promise<unknown>) =>
        probe().then(
          () => true,
          () => false,
        );
      return {
        eventLog: await answers(() => stored.headPosition()),
        bus: await answers(() => bus.lastPublishedPosition()),
      };
    },
    async stop() {
      await network.stop();
      for (const close of closers) await close().catch(() => undefined);
      log('replica stopped');
    },
  };
}
