import './registerPaths';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { startReplica } from './composition';
import { HealthController, REPLICA } from './health.controller';
import { readSettings } from './settings';

/** One cluster-mode recommender replica: playlists over NATS, with /health and /ready for probes. */
async function main() {
  const settings = readSettings();
  const replica = await startReplica(settings);

  @Module({ controllers: [HealthController], providers: [{ provide: REPLICA, useValue: replica }] })
  class RecommenderModule {}

  const app = await NestFactory.create<NestFastifyApplication>(RecommenderModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await app.listen(settings.port, '0.0.0.0');
  const shutdown = async () => {
    await app.close();
    await replica.stop();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
