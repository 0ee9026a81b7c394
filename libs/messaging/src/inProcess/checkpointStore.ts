/**
 * Where an in-process consumer keeps its place in the log, per durable name:
 * the log position up to which every event has been handled (or dead-lettered).
 * JetStream keeps this on the server; in edge mode the caller decides. Keep it
 * in the same database as the read model (ideally in the same write) so that a
 * restart resumes where the read model really is.
 */
export interface CheckpointStore {
  /** 0 when the durable has never run. */
  get(durableName: string): Promise<number>;
  set(durableName: string, position: number): Promise<void>;
}

/**
 * Forgets everything when the process ends: each start replays the whole log,
 * which idempotent consumers tolerate, but costs a full replay. Fine for tests
 * and small logs; give a persistent store in production edge mode.
 */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async get(durableName: string): Promise<number> {
    return this.positions.get(durableName) ?? 0;
  }

  async set(durableName: string, position: number): Promise<void> {
    this.positions.set(durableName, position);
  }
}
