import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { MongoDataKeyStore } from './mongoDataKeyStore';

// Set by libs/testing/jest/mongoContractSetup.ts.
const url = process.env.QFZZ_MONGODB_CONTRACT_URL;
const skippedBecause = process.env.QFZZ_MONGODB_CONTRACT_SKIPPED;

if (url) {
  describe('DataKeyStore: MongoDB', () => {
    it('keeps one current 256-bit key per listener, findable by id, until deleted', async () => {
      const connection = await mongoose
        .createConnection(url, { dbName: `qfzz-keys-${randomUUID()}` })
        .asPromise();
      const keys = await MongoDataKeyStore.open(connection);
      const [ada, again] = await Promise.all([keys.currentKey('ada'), keys.currentKey('ada')]);
      expect(ada.key).toHaveLength(32);
      expect(again.kid).toBe(ada.kid);
      expect((await keys.currentKey('bob')).kid).not.toBe(ada.kid);
      expect((await keys.keyById(ada.kid))?.key.equals(ada.key)).toBe(true);
      expect(await keys.deleteKeysOf('ada')).toBe(1);
      expect(await keys.keyById(ada.kid)).toBeUndefined();
      expect((await keys.currentKey('ada')).kid).not.toBe(ada.kid);
      await connection.dropDatabase();
      await connection.close();
    });
  });
} else {
  describe('DataKeyStore: MongoDB', () => {
    it('was not run, because no MongoDB is reachable (the run log says why)', () => {
      expect(skippedBecause).toMatch(/MONGODB_URL/);
    });
  });
}
