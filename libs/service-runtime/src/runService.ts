import 'reflect-metadata';
import { Controller, Get, HttpStatus, Inject, Module, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { openClusterAdapters, type ClusterAdapters } from './clusterAdapters';
import { readClusterSettings } from './clusterSettings';

/** What a service hands back once it runs on the adapters. */
export interface RunningService {
  /** Extra readiness checks beyond the shared adapters (read models, peers). */
  checks?(): Promise<Record<string, boolean>>;
  stop(): Promise<void>;
}

export interface ServiceDefinition {
  service: string;
  defaultPort: number;
  /** Whether this service relays the log to the bus by default. */
  outboxRelay?: boolean;
  start(adapters: ClusterAdapters): Promise<RunningService>;
}

const PROBES = Symbol('Probes');

interface Probes {
  service: string;
  ready(): Promise<Record<string, boolean>>;
}

@Controller()
class ProbeController {
  constructor(@Inject(PROBES) private readonly probes: Probes) {}

  @Get('health')
  health() {
    return { status: 'ok', service: this.probes.service };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = await this.probes.ready();
    const ok = Object.values(checks).every(Boolean);
    if (!ok) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ready' : 'not_ready', checks };
  }
}

/**
 * The whole life of one cluster-mode replica: settings from the environment,
 * adapters, the service itself, /health and /ready for probes, and a clean
 * stop on SIGTERM. Each app's main.ts is a call to this.
 */
export async function runService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env) {
  const settings = readClusterSettings(env, {
    service: definition.service,
    port: definition.defaultPort,
    outboxRelay: definition.outboxRelay,
  });
  const adapters = await openClusterAdapters(settings);
  let running: RunningService;
  try {
    running = await definition.start(adapters);
  } catch (error) {
    await adapters.close();
    throw error;
  }
  const probes: Probes = {
    service: definition.service,
    ready: async () => ({ ...(await adapters.checks()), ...((await running.checks?.()) ?? {}) }),
  };

  @Module({ controllers: [ProbeController], providers: [{ provide: PROBES, useValue: probes }] })
  class ProbeModule {}

  const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await app.listen(settings.port, '0.0.0.0');
  adapters.log('replica started', {
    eventStore: settings.eventStore,
    cache: Boolean(adapters.cache),
    relay: settings.outboxRelay,
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await running.stop();
      await adapters.close();
      adapters.log('replica stopped');
    })());
  return { adapters, app, stop };
}

/** For main.ts: run, stop on SIGTERM/SIGINT, and exit non-zero with the reason when start-up fails. */
export function runServiceProcess(definition: ServiceDefinition): void {
  runService(definition).then(
    ({ stop }) => {
      const shutdown = () => stop().then(() => process.exit(0));
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    },
    (error) => {
      console.error(`[${definition.service}] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
