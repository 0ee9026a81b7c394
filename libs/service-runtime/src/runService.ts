import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Controller, Get, HttpStatus, Inject, Module, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { openClusterAdapters, type ClusterAdapters } from './clusterAdapters';
import { readClusterSettings, type ClusterSettings } from './clusterSettings';

/** What a service hands back once it runs on the adapters. */
export interface RunningService {
  /** The port the service listens on itself (with `probes: false`). */
  port?: number;
  /** Extra readiness checks beyond the shared adapters (read models, peers). */
  checks?(): Promise<Record<string, boolean>>;
  stop(): Promise<void>;
}

/**
 * One cluster-mode service: its name, default port, and how it starts on the
 * shared adapters. `Own` is what the service reads from the environment
 * beyond the shared settings, `S` what it hands back (tests reach into it).
 */
export interface ServiceDefinition<Own = undefined, S extends RunningService = RunningService> {
  service: string;
  defaultPort: number;
  /** Whether this service relays the log to the bus by default. */
  outboxRelay?: boolean;
  /**
   * Serve /health and /ready on PORT (default). A service with its own HTTP
   * server on PORT (the gateway) sets false and serves them itself.
   */
  probes?: boolean;
  /** The service's own settings, read and checked with the shared ones before any adapter opens. */
  readSettings?(env: NodeJS.ProcessEnv): Own;
  start(adapters: ClusterAdapters, own: Own): Promise<S>;
}

/** The shared settings and the service's own, as `runService` reads them (a `SettingsError` names what is wrong). */
export function readServiceSettings<Own, S extends RunningService>(
  definition: ServiceDefinition<Own, S>,
  env: NodeJS.ProcessEnv = process.env,
): { cluster: ClusterSettings; own: Own } {
  const cluster = readClusterSettings(env, {
    service: definition.service,
    port: definition.defaultPort,
    outboxRelay: definition.outboxRelay,
  });
  return { cluster, own: (definition.readSettings ? definition.readSettings(env) : undefined) as Own };
}

/** One running replica, as `runService` hands it back. */
export interface ServiceReplica<Own, S extends RunningService> {
  adapters: ClusterAdapters;
  /** The service's own settings (`definition.readSettings`). */
  own: Own;
  running: S;
  /** The probe server; absent when the service serves its own HTTP (`probes: false`). */
  app?: NestFastifyApplication;
  /** The port /health and /ready answer on (the real one with `PORT=0`), or the service's own when it serves them. */
  port: number;
  /** Idempotent: the probes, then the service, then the adapters. */
  stop(): Promise<void>;
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
export async function runService<Own, S extends RunningService>(
  definition: ServiceDefinition<Own, S>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServiceReplica<Own, S>> {
  const { cluster: settings, own } = readServiceSettings(definition, env);
  const adapters = await openClusterAdapters(settings);
  let running: S;
  try {
    running = await definition.start(adapters, own);
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

  if (definition.probes === false) {
    const port = running.port ?? settings.port;
    adapters.log('replica started', {
      eventStore: settings.eventStore,
      cache: Boolean(adapters.cache),
      relay: settings.outboxRelay,
      port,
    });
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await running.stop();
        await adapters.close();
        adapters.log('replica stopped');
      })());
    return { adapters, own, running, port, stop };
  }

  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), {
      logger: ['error', 'warn'],
    });
    await app.listen(settings.port, '0.0.0.0');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await running.stop().catch(() => undefined);
    await adapters.close();
    throw error;
  }
  const listening = app;
  const { port } = listening.getHttpServer().address() as AddressInfo;
  adapters.log('replica started', {
    eventStore: settings.eventStore,
    cache: Boolean(adapters.cache),
    relay: settings.outboxRelay,
    port,
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await listening.close();
      await running.stop();
      await adapters.close();
      adapters.log('replica stopped');
    })());
  return { adapters, own, running, app: listening, port, stop };
}

/** For main.ts: run, stop on SIGTERM/SIGINT, and exit non-zero with the reason when start-up fails. */
export function runServiceProcess<Own, S extends RunningService>(
  definition: ServiceDefinition<Own, S>,
): void {
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
