import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AdminController } from './admin/admin.controller';
import { ReplayJobs } from './admin/replayJobs';
import { ListenerAccess } from './auth/listenerAccess';
import { CatalogController } from './catalog/catalog.controller';
import { CommunityController } from './community/community.controller';
import { ConversationController } from './conversation/conversation.controller';
import { DjsController } from './djs/djs.controller';
import { GATEWAY_DEPS, type GatewayDeps, type ResolvedGatewayDeps } from './gatewayDeps';
import { HealthController } from './health/health.controller';
import { GatewayExceptionFilter } from './http/gatewayExceptionFilter';
import { jsonLinesToStdout } from './http/gatewayLog';
import { InteractionsController } from './interactions/interactions.controller';
import { TrackLookup } from './interactions/trackLookup';
import { ListenerLog } from './listeners/listenerLog';
import { ListenersController } from './listeners/listeners.controller';
import { ProfileClient } from './listeners/profileClient';
import { GatewayMetrics } from './metrics/gatewayMetrics';
import { ServiceClient } from './http/serviceClient';
import { PlaylistController } from './playlist/playlist.controller';
import { DEFAULT_RATE_LIMITS } from './rateLimit/rateLimits';
import { ProfileStreamController } from './sse/profileStream.controller';
import { ProfileStreams } from './sse/profileStreams';

export function resolveGatewayDeps(deps: GatewayDeps): ResolvedGatewayDeps {
  if (!deps.adminToken) throw new Error('the gateway needs an admin token');
  if (!deps.tokenSecret || deps.tokenSecret.length < 16)
    throw new Error('the gateway needs a token secret of at least 16 characters');
  return {
    ...deps,
    clock: deps.clock ?? (() => new Date()),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits },
    rebuilders: deps.rebuilders ?? {},
    identity: deps.identity ?? { station: 'qfzz', mode: 'gateway' },
    readyChecks: deps.readyChecks ?? ['eventLog', 'profiles', 'catalog'],
    log: deps.log ?? jsonLinesToStdout,
    sse: { heartbeatMs: deps.sse?.heartbeatMs ?? 15_000, pollMs: deps.sse?.pollMs ?? 1000 },
    queryTimeoutMs: deps.queryTimeoutMs ?? 5000,
  };
}

/**
 * The HTTP API of API.md as a Nest module. The composition root gives it the
 * ports (`GatewayDeps`) and serves it with `createGatewayApp`, which sets up
 * the Fastify side (JSON bodies, limits, correlation ids, rate limits, docs).
 */
@Module({})
export class GatewayModule {
  static register(deps: GatewayDeps): DynamicModule {
    const resolved = resolveGatewayDeps(deps);
    return {
      module: GatewayModule,
      controllers: [
        HealthController,
        ListenersController,
        InteractionsController,
        ProfileStreamController,
        DjsController,
        ConversationController,
        PlaylistController,
        CommunityController,
        CatalogController,
        AdminController,
      ],
      providers: [
        { provide: GATEWAY_DEPS, useValue: resolved },
        { provide: GatewayMetrics, useValue: new GatewayMetrics() },
        { provide: APP_FILTER, useFactory: () => new GatewayExceptionFilter(resolved.log) },
        ProfileClient,
        ListenerLog,
        ListenerAccess,
        TrackLookup,
        ServiceClient,
        ReplayJobs,
        ProfileStreams,
      ],
      exports: [GATEWAY_DEPS, GatewayMetrics, ProfileClient],
    };
  }
}
