import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { describeProfileReadModelsContract } from '../contract/profileReadModels.contract';
import type { ProfileReadModels } from '../profileReadModel';
import { MongoProfileReadModels } from './mongoProfileReadModels';

// Set by libs/testing/jest/mongoContractSetup.ts.
const url = process.env.QFZZ_MONGODB_CONTRACT_URL;
const skippedBecause = process.env.QFZZ_MONGODB_CONTRACT_SKIPPED;

if (url) {
  const connections = new Map<ProfileReadModels, Connection>();
  describeProfileReadModelsContract(
    'MongoDB',
    async () => {
      const connection = await mongoose
        .createConnection(url, { dbName: `qfzz-read-models-${randomUUID()}`, serverSelectionTimeoutMS: 5000 })
        .asPromise();
      const models = await MongoProfileReadModels.open(connection);
      connections.set(models, connection);
      return models;
    },
    async (models) => {
      const connection = connections.get(models);
      await connection?.dropDatabase();
      await connection?.close();
    },
  );
} else {
  describe('ProfileReadModels contract: MongoDB', () => {
    it('was not run, because no MongoDB is reachable (the run log says why)', () => {
      expect(skippedBecause).toMatch(/MONGODB_URL/);
      expect(skippedBecause).toMatch(/container runtime/);
    });
  });
}
