import type { TasteProfile } from '@qfzz/domain';

/** A listener's taste profile as a read model row: the fold of their stream up to `version`. */
export interface StoredProfile {
  listenerId: string;
  profile: TasteProfile;
  /** The listener stream's version last applied. */
  version: number;
  /** The log position of that event: a reader that wrote at position N waits for `position >= N`. */
  position: number;
}

/**
 * Where folded profiles live (SQLite in edge mode, MongoDB in cluster mode).
 * Writes are compare-and-set on the stream version, so replicas that race on
 * one listener cannot lose an update or go backwards.
 */
export interface ProfileReadModel {
  get(listenerId: string): Promise<StoredProfile | undefined>;
  /** Stores `next` only if the stored version is still `expectedVersion` (0 = no row yet). */
  compareAndSet(next: StoredProfile, expectedVersion: number): Promise<boolean>;
  delete(listenerId: string): Promise<void>;
  /** Unconditional bulk write, for filling a fresh generation that nobody else writes to. */
  putMany(profiles: readonly StoredProfile[]): Promise<void>;
  list(): Promise<StoredProfile[]>;
  count(): Promise<number>;
  /** The log position an in-process follower has handled up to (edge mode). */
  checkpoint(): Promise<number>;
  saveCheckpoint(position: number): Promise<void>;
}

/**
 * Generations of the read model, for blue-green rebuilds: a replay fills a
 * fresh generation while the active one keeps serving, then `activate` swaps.
 */
export interface ProfileReadModels {
  /** Always the active generation, also after a swap. */
  live(): ProfileReadModel;
  activeGeneration(): Promise<number>;
  startGeneration(): Promise<{ generation: number; readModel: ProfileReadModel }>;
  /** Makes `generation` the active one and drops the one it replaces. */
  activate(generation: number): Promise<void>;
  close(): Promise<void>;
}
