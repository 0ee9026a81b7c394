import { startMongo, type MongoUnavailable, type RunningMongo } from './mongoServer';

jest.setTimeout(30_000);

describe('startMongo', () => {
  let mongo: RunningMongo | MongoUnavailable;

  beforeAll(async () => {
    mongo = await startMongo();
  });

  afterAll(async () => {
    if (mongo?.available) await mongo.stop();
  });

  it('either connects, or says plainly why MongoDB is unavailable', async () => {
    if (mongo.available) {
      console.log(`MongoDB at ${mongo.url} (${mongo.how})`);
      expect(mongo.url).toMatch(/^mongodb(\+srv)?:\/\//);
      const mongoose = (await import('mongoose')).default;
      const conn = await mongoose.createConnection(mongo.url, { serverSelectionTimeoutMS: 5000 }).asPromise();
      await expect(conn.db?.admin().ping()).resolves.toBeTruthy();
      await conn.close();
    } else {
      console.log(`MongoDB skipped: ${mongo.reason}`);
      expect(mongo).toEqual({ available: false, reason: expect.any(String) });
      expect(mongo.reason).toContain('MONGODB_URL');
      if (!process.env['MONGODB_URL']) expect(mongo.reason).toMatch(/container runtime/);
    }
  });

  it('returns unavailable (not a hang) when MONGODB_URL points nowhere', async () => {
    const saved = process.env['MONGODB_URL'];
    process.env['MONGODB_URL'] = 'mongodb://nobody:secret@127.0.0.1:1/qfzz';
    try {
      const started = Date.now();
      const result = await startMongo();
      expect(result.available).toBe(false);
      const reason = (result as MongoUnavailable).reason;
      expect(reason).toContain('MONGODB_URL=mongodb://nobody:***@127.0.0.1:1/qfzz');
      expect(reason).not.toContain('secret');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      if (saved === undefined) delete process.env['MONGODB_URL'];
      else process.env['MONGODB_URL'] = saved;
    }
  });
});
