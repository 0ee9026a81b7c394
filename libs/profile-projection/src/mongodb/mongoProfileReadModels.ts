import type { Collection, Connection } from 'mongoose';
import type { ProfileReadModel, ProfileReadModels, StoredProfile } from '../profileReadModel';

const PROJECTION = 'taste-profiles';
const collectionName = (generation: number) => `taste_profiles_g${generation}`;

interface ProfileDocument {
  _id: string;
  version: number;
  position: number;
  /** JSON text: artist names are map keys and may hold `.` or start with `$`. */
  profile: string;
}

interface GenerationsDocument {
  _id: string;
  active: number;
  latest: number;
}

interface CheckpointDocument {
  _id: string;
  position: number;
}

/** Cluster-mode read models: one collection per generation, swapped by a pointer document. */
export class MongoProfileReadModels implements ProfileReadModels {
  private readonly generations: Collection<GenerationsDocument>;
  private readonly checkpoints: Collection<CheckpointDocument>;

  private constructor(private readonly connection: Connection) {
    this.generations = connection.collection<GenerationsDocument>('projection_generations');
    this.checkpoints = connection.collection<CheckpointDocument>('projection_checkpoints');
  }

  static async open(connection: Connection): Promise<MongoProfileReadModels> {
    const models = new MongoProfileReadModels(connection);
    await models.generations.updateOne(
      { _id: PROJECTION },
      { $setOnInsert: { active: 1, latest: 1 } },
      { upsert: true },
    );
    return models;
  }

  private async active(): Promise<number> {
    return (await this.generations.findOne({ _id: PROJECTION }))?.active ?? 1;
  }

  live(): ProfileReadModel {
    return new MongoProfileReadModel(this.connection, this.checkpoints, () => this.active());
  }

  activeGeneration(): Promise<number> {
    return this.active();
  }

  async startGeneration() {
    const updated = await this.generations.findOneAndUpdate(
      { _id: PROJECTION },
      { $inc: { latest: 1 } },
      { returnDocument: 'after' },
    );
    const generation = (updated as GenerationsDocument | null)?.latest ?? 2;
    await this.connection
      .collection(collectionName(generation))
      .drop()
      .catch(() => undefined);
    return {
      generation,
      readModel: new MongoProfileReadModel(this.connection, this.checkpoints, async () => generation),
    };
  }

  async activate(generation: number): Promise<void> {
    const previous = await this.active();
    if (previous === generation) return;
    await this.generations.updateOne({ _id: PROJECTION }, { $set: { active: generation } });
    await this.connection
      .collection(collectionName(previous))
      .drop()
      .catch(() => undefined);
    await this.checkpoints.deleteOne({ _id: `${PROJECTION}:${previous}` });
  }

  async close(): Promise<void> {
    // The connection belongs to whoever opened it.
  }
}

class MongoProfileReadModel implements ProfileReadModel {
  constructor(
    private readonly connection: Connection,
    private readonly checkpoints: Collection<CheckpointDocument>,
    private readonly generation: () => Promise<number>,
  ) {}

  private async profiles(): Promise<Collection<ProfileDocument>> {
    return this.connection.collection<ProfileDocument>(collectionName(await this.generation()));
  }

  async get(listenerId: string): Promise<StoredProfile | undefined> {
    const doc = await (await this.profiles()).findOne({ _id: listenerId });
    return doc ? fromDocument(doc) : undefined;
  }

  async compareAndSet(next: StoredProfile, expectedVersion: number): Promise<boolean> {
    const profiles = await this.profiles();
    const fields = { version: next.version, position: next.position, profile: JSON.stringify(next.profile) };
    if (expectedVersion === 0) {
      try {
        await profiles.insertOne({ _id: next.listenerId, ...fields });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    }
    const result = await profiles.updateOne(
      { _id: next.listenerId, version: expectedVersion },
      { $set: fields },
    );
    return result.modifiedCount === 1;
  }

  async delete(listenerId: string): Promise<void> {
    await (await this.profiles()).deleteOne({ _id: listenerId });
  }

  async putMany(batch: readonly StoredProfile[]): Promise<void> {
    if (batch.length === 0) return;
    await (
      await this.profiles()
    ).bulkWrite(
      batch.map((p) => ({
        replaceOne: {
          filter: { _id: p.listenerId },
          replacement: { version: p.version, position: p.position, profile: JSON.stringify(p.profile) },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  async list(): Promise<StoredProfile[]> {
    return (await (await this.profiles()).find().sort({ _id: 1 }).toArray()).map(fromDocument);
  }

  async count(): Promise<number> {
    return (await this.profiles()).countDocuments();
  }

  async checkpoint(): Promise<number> {
    return (
      (await this.checkpoints.findOne({ _id: `${PROJECTION}:${await this.generation()}` }))?.position ?? 0
    );
  }

  async saveCheckpoint(position: number): Promise<void> {
    await this.checkpoints.updateOne(
      { _id: `${PROJECTION}:${await this.generation()}` },
      { $max: { position } },
      { upsert: true },
    );
  }
}

function fromDocument(doc: ProfileDocument): StoredProfile {
  return {
    listenerId: doc._id,
    version: doc.version,
    position: doc.position,
    profile: JSON.parse(doc.profile),
  };
}
