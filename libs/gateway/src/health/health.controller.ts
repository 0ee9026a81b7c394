import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CATALOG_SERVICE,
  CatalogQuery,
  CONVERSATION_SERVICE,
  ConversationQuery,
  PlaylistQuery,
  PROFILE_SERVICE,
  ProfileQuery,
  RECOMMENDER_SERVICE,
  TRUST_SERVICE,
  TrustQuery,
} from '@qfzz/contracts';
import { isQueryError, QUERY_NO_RESPONDER, QUERY_TIMEOUT } from '@qfzz/messaging';
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
      'The event log (its head position) and every service this process was told to check (profiles, catalog, and where wired the trust network, the DJ and the recommender).',
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

  /** Any answer counts, a refusal ("no such listener") too: only silence means the service is not there. */
  private async answers(service: string, query: string, payload: object): Promise<CheckResult> {
    try {
      await this.deps.queryBus.request(service, query, payload, { timeoutMs: READY_TIMEOUT_MS });
    } catch (error) {
      if (!isQueryError(error) || error.code === QUERY_NO_RESPONDER || error.code === QUERY_TIMEOUT)
        throw error;
    }
    return { ok: true };
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
        case 'trust':
          return await this.answers(TRUST_SERVICE, TrustQuery.trust, { listenerId: PROBE_ID });
        case 'conversation':
          return await this.answers(CONVERSATION_SERVICE, ConversationQuery.personas, {});
        case 'recommender':
          return await this.answers(RECOMMENDER_SERVICE, PlaylistQuery.generate, { listenerId: PROBE_ID });
      }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
