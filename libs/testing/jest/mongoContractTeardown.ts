export default async function stopMongoForContract(): Promise<void> {
  await (globalThis as { qfzzMongo?: { stop(): Promise<void> } }).qfzzMongo?.stop();
}
