import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EdgeModule } from './edge.module';
import type { StationConfig } from './stationConfig';

export async function createEdgeApp(config: StationConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    EdgeModule.forStation(config),
    new FastifyAdapter(),
    {
      logger: ['error', 'warn', 'log'],
    },
  );
  app.enableShutdownHooks();
  return app;
}
