/** One listener's data key. `kid` goes into every event it seals; the key itself never enters the log. */
export interface DataKey {
  kid: string;
  ownerId: string;
  key: Buffer;
}

/**
 * Where per-listener data keys live, apart from the log. Deleting a
 * listener's keys is what forgets them: their sealed events stay in the
 * append-only log, verifiable, and unreadable by anyone.
 */
export interface DataKeyStore {
  /** The key new events of this owner are sealed with; created on first use. */
  currentKey(ownerId: string): Promise<DataKey>;
  /** undefined once the key was deleted (or never existed). */
  keyById(kid: string): Promise<DataKey | undefined>;
  /** Deletes every key of this owner; returns how many there were. */
  deleteKeysOf(ownerId: string): Promise<number>;
  close(): Promise<void>;
}
