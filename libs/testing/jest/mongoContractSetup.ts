// Jest global setup for projects with MongoDB contract suites: decides once
// per test run whether MongoDB is reachable (MONGODB_URL or a container
// runtime), and says so in one line either way. The suites read the outcome
// from the environment: QFZZ_MONGODB_CONTRACT_URL or QFZZ_MONGODB_CONTRACT_SKIPPED.
import { startMongo } from '../src/mongoServer';

type ProjectConfig = { displayName?: { name?: string } | string };

export default async function findMongoForContract(_global: unknown, project: ProjectConfig): Promise<void> {
  const name =
    typeof project?.displayName === 'string' ? project.displayName : (project?.displayName?.name ?? 'qfzz');
  const mongo = await startMongo();
  if (mongo.available) {
    process.env.QFZZ_MONGODB_CONTRACT_URL = mongo.url;
    (globalThis as { qfzzMongo?: { stop(): Promise<void> } }).qfzzMongo = mongo;
    const where = mongo.how === 'env' ? 'MONGODB_URL' : 'a testcontainers replica set';
    console.log(`\n[${name}] MongoDB contract suite: RUNNING against ${where}`);
  } else {
    process.env.QFZZ_MONGODB_CONTRACT_SKIPPED = mongo.reason;
    console.log(`\n[${name}] MongoDB contract suite: SKIPPED — ${mongo.reason}`);
  }
}
