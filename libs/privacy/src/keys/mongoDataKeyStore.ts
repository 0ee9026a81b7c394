import { randomBytes, randomUUID } from 'node:crypto';
import { mongo, type Collection, type Connection } from 'mongoose';
import { DATA_KEY_BYTES } from '../crypto/sealedData';
import type { DataKey, DataKeyStore } from './dataKeyStore';

interface KeyDocument {
  /** The owner: one live key per listener at a time. */
  _id: string;
  kid: string;
  key: mongo.Binary;
  createdAt: Date;
}

/**
 * Data keys in MongoDB for cluster mode, in their own collection (never the
 * events'): every replica on every host finds the same key, and deleting the
 * owner's document forgets them everywhere at once.
 */
export class MongoDataKeyStore implements DataKeyStore {
  private constructor(private readonly keys: Collection<KeyDocument>) {}

  static async open(connection: Connection, collection = 'data_keys'): Promise<MongoDataKeyStore> {
    const keys = connection.collection<KeyDocument>(collection);
    await keys.createIndex({ kid: 1 }, { unique: true, name: 'uniq_kid' });
    return new MongoDataKeyStore(keys);
  }

  async currentKey(ownerId: string): Promise<DataKey> {
    // Upsert with $setOnInsert: two replicas sealing a new listener's first events agree on one key.
    const doc = await this.keys.findOneAndUpdate(
      { _id: ownerId },
      {
        $setOnInsert: {
          kid: randomUUID(),
          key: new mongo.Binary(randomBytes(DATA_KEY_BYTES)),
          createdAt: new Date(),
        },
      },
      { upsert: true, returnDocument: 'after' },
    );
    return toKey(doc as KeyDocument);
  }

  async keyById(kid: string): Promise<DataKey | undefined> {
    const doc = await this.keys.findOne({ kid });
    return doc ? toKey(doc) : undefined;
  }

  async deleteKeysOf(ownerId: string): Promise<number> {
    return (await this.keys.deleteOne({ _id: ownerId })).deletedCount;
  }

  async close(): Promise<void> {
    // The connection belongs to whoever opened it.
  }
}

const toKey = (doc: KeyDocument): DataKey => ({
  kid: doc.kid,
  ownerId: doc._id,
  key: Buffer.from(doc.key.buffer),
});
