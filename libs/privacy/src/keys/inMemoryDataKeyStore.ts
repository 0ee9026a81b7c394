import { randomBytes, randomUUID } from 'node:crypto';
import { DATA_KEY_BYTES } from '../crypto/sealedData';
import type { DataKey, DataKeyStore } from './dataKeyStore';

/** Keys in process memory: for tests and throwaway runs (a restart forgets every listener). */
export class InMemoryDataKeyStore implements DataKeyStore {
  private readonly byId = new Map<string, DataKey>();
  private readonly current = new Map<string, DataKey>();

  async currentKey(ownerId: string): Promise<DataKey> {
    const existing = this.current.get(ownerId);
    if (existing) return existing;
    const key: DataKey = { kid: randomUUID(), ownerId, key: randomBytes(DATA_KEY_BYTES) };
    this.byId.set(key.kid, key);
    this.current.set(ownerId, key);
    return key;
  }

  async keyById(kid: string): Promise<DataKey | undefined> {
    return this.byId.get(kid);
  }

  async deleteKeysOf(ownerId: string): Promise<number> {
    let deleted = 0;
    for (const [kid, key] of this.byId) {
      if (key.ownerId !== ownerId) continue;
      key.key.fill(0);
      this.byId.delete(kid);
      deleted++;
    }
    this.current.delete(ownerId);
    return deleted;
  }

  async close(): Promise<void> {
    for (const key of this.byId.values()) key.key.fill(0);
    this.byId.clear();
    this.current.clear();
  }
}
