// Decides once per test run whether the MongoDB contract suite can run, and
// says so in one line either way. Jest's module mapping does not reach global
// setup files, hence the explicit path registration.
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

const root = join(__dirname, '../..');
register({ baseUrl: root, paths: require(join(root, 'tsconfig.base.json')).compilerOptions.paths });

export default async function findMongoForContract(): Promise<void> {
  const { startMongo } = await import('@qfzz/testing');
  const mongo = await startMongo();
  if (mongo.available) {
    process.env.QFZZ_MONGODB_CONTRACT_URL = mongo.url;
    (globalThis as { qfzzMongo?: { stop(): Promise<void> } }).qfzzMongo = mongo;
    console.log(
      `\n[event-store] MongoDB contract suite: RUNNING against ${mongo.how === 'env' ? 'MONGODB_URL' : 'a testcontainers replica set'}`,
    );
  } else {
    process.env.QFZZ_MONGODB_CONTRACT_SKIPPED = mongo.reason;
    console.log(`\n[event-store] MongoDB contract suite: SKIPPED — ${mongo.reason}`);
  }
}
