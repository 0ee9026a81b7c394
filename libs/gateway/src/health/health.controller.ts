import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CATALOG_SERVICE, CatalogQuery, PROFILE_SERVICE, ProfileQuery } from '@qfzz/contracts';
import { GATEWAY_DEPS, type ReadyCheck, type ResolvedGatewayDeps } from '../gatewayDeps';
import { GatewayMetrics } from '../metrics/gatewayMetrics';
import { RouteDoc } from '../openapi/apiDocs';

/** Any id will do: the answer (a profile or null) only proves the profile service answers. */
const PROBE_ID = 'ready-probe';
const READY_TIMEOUT_MS = 2000;

type CheckResult = { ok: true; [detail: string]: unknown } | { ok: false; error: string };

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly metrics: GatewayMetrics,
  ) {}

  @Get('health')
  @RouteDoc({ summary: 'Liveness: the process answers', status: 200 })
  health() {
    return { status: 'ok', ...this.deps.identity };
  }

  @Get('ready')
  @RouteDoc({
    summary: 'Readiness: every dependency answers',
    description:
      'The event log (its head position), the profile service, and the catalog service where this process wires one.',
    status: 200,
    errors: [503],
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const entries = await Promise.all(
      this.deps.readyChecks.map(async (name) => [name, await this.check(name)] as const),
    );
    const checks = Object.fromEntries(entries);
    const ready = entries.every(([, result]) => result.ok);
    if (!ready) reply.status(503);
    return { status: ready ? 'ready' : 'not_ready', checks };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @RouteDoc({ summary: 'Prometheus metrics (text format)', status: 200 })
  async prometheus() {
    const head = await this.deps.eventStore.headPosition().catch(() => -1);
    return this.metrics.render({
      qfzz_event_log_head_position: {
        help: 'Highest log position readers can see (-1: the log did not answer).',
        value: head,
      },
      process_resident_memory_bytes: {
        help: 'Resident memory of this process.',
        value: process.memoryUsage().rss,
      },
    });
  }

  private async check(name: ReadyCheck): Promise<CheckResult> {
    try {
      switch (name) {
        case 'eventLog':
          return { ok: true, position: await this.deps.eventStore.headPosition() };
        case 'profiles':
          await this.deps.queryBus.request(
            PROFILE_SERVICE,
            ProfileQuery.get,
            { listenerId: PROBE_ID },
            { timeoutMs: READY_TIMEOUT_MS },
          );
          return { ok: true };
        case 'catalog': {
          const stats = await this.deps.queryBus.request<object, { tracks?: number }>(
            CATALOG_SERVICE,
            CatalogQuery.stats,
            {},
            { timeoutMs: READY_TIMEOUT_MS },
          );
          return { ok: true, tracks: stats.tracks };
        }
      }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
