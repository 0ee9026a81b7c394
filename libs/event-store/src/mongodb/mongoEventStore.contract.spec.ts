import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { describeEventStoreContract } from '../contract/eventStore.contract';
import type { EventStore } from '../eventStore';
import { MongoEventStore } from './mongoEventStore';

// Set by jest.mongo.setup.ts: a reachable MongoDB (MONGODB_URL or testcontainers), or why there is none.
const url = process.env.QFZZ_MONGODB_CONTRACT_URL;
const skippedBecause = process.env.QFZZ_MONGODB_CONTRACT_SKIPPED;

if (url) {
  const connections = new Map<EventStore, Connection>();
  describeEventStoreContract(
    'MongoDB',
    async (gate) => {
      const connection = await mongoose
        .createConnection(url, { dbName: `qfzz-contract-${randomUUID()}`, serverSelectionTimeoutMS: 5000 })
        .asPromise();
      const store = await MongoEventStore.open(connection, { hooks: gate.hooks, holeTimeoutMs: 2000 });
      connections.set(store, connection);
      return store;
    },
    async (store) => {
      const connection = connections.get(store);
      await connection?.dropDatabase();
      await connection?.close();
    },
  );
} else {
  describe('EventStore contract: MongoDB', () => {
    it('was not run, because no MongoDB is reachable (the run log says why)', () => {
      // The probe must have given a reason naming both ways to provide MongoDB.
      expect(skippedBecause).toMatch(/MONGODB_URL/);
      expect(skippedBecause).toMatch(/container runtime/);
    });
  });
}
