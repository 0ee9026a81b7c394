import { startTrustNetworkWorker, type RunningTrustNetwork } from '@qfzz/trust-network';
import type { RunningService, ServiceDefinition } from '@qfzz/service-runtime';

export interface RunningTrustNetworkService extends RunningService {
  network: RunningTrustNetwork;
}

/**
 * trust-network on the cluster adapters. The graph reads through the
 * decrypting store (sealed personal data opens while its key exists) and
 * follows JetStream on its own durable `trust-network-<QFZZ_REPLICA_ID>`:
 * the graph is in memory, so every replica must see every event. `verify`
 * reads the log as stored, so it checks the chain that was written.
 */
export const trustNetworkService: ServiceDefinition<undefined, RunningTrustNetworkService> = {
  service: 'trust-network',
  defaultPort: 3104,
  async start({ settings, store, stored, bus, queryBus, log }) {
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
    log('graph caught up', { durable: network.durableName, position: network.graph.position });
    return { network, stop: () => network.stop() };
  },
};
