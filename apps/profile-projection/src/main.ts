import './registerPaths';
import {
  MongoProfileReadModels,
  SqliteProfileReadModels,
  startProfileProjectionWorker,
  type ProfileReadModels,
} from '@qfzz/profile-projection';
import { runServiceProcess } from '@qfzz/service-runtime';

/**
 * One cluster-mode replica of profile-projection: consumes listener events
 * from JetStream (a durable shared by every replica), folds them into the
 * shared read model, writes hot profiles through to Redis, answers profile
 * queries, and relays the log to the bus.
 */
runServiceProcess({
  service: 'profile-projection',
  defaultPort: 3101,
  outboxRelay: true,
  async start({ settings, store, bus, queryBus, cache, mongo, log }) {
    const readModels: ProfileReadModels = mongo
      ? await MongoProfileReadModels.open(mongo)
      : new SqliteProfileReadModels(settings.readModelFile);
    const worker = await startProfileProjectionWorker({
      store,
      bus,
      readModels,
      queryBus,
      cache,
      ackWaitMs: settings.ackWaitMs,
      reveal: (event) => store.reveal(event),
      onError: (error) => log('consumer error', { error: String(error) }),
    });
    return {
      checks: async () => ({
        readModel: await readModels
          .live()
          .checkpoint()
          .then(
            () => true,
            () => false,
          ),
      }),
      async stop() {
        await worker.stop();
        await readModels.close();
      },
    };
  },
});
