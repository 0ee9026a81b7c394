import type { EventStore } from '@qfzz/event-store';
import type { QueryBus } from '@qfzz/messaging';
import type { CatalogWriter } from './catalog/catalogWriter';
import type { ProjectionRebuilder } from './admin/replayJobs';
import type { RateLimits } from './rateLimit/rateLimits';
import type { GatewayLog } from './http/gatewayLog';
import type { CommunityWriter } from './community/communityWriter';
import type { ListenerForgetter } from './listeners/listenerForgetter';

export type ReadyCheck = 'eventLog' | 'profiles' | 'catalog' | 'trust' | 'conversation' | 'recommender';

/**
 * What the composition root (apps/edge, a cluster main) hands the gateway:
 * ports and settings, never a concrete adapter choice (ADR 0004).
 */
export interface GatewayDeps {
  eventStore: EventStore;
  queryBus: QueryBus;
  /** Bearer token for catalog writes and `/v1/admin/*`. */
  adminToken: string;
  /** Key of the listener tokens' HMAC; changing it invalidates every listener token. */
  tokenSecret: string;
  clock?: () => Date;
  rateLimits?: Partial<RateLimits>;
  /** Rebuilds by projection name, for `POST /v1/admin/replay` (e.g. `taste-profiles`). */
  rebuilders?: Readonly<Record<string, ProjectionRebuilder>>;
  /** Catalog imports (`POST /v1/catalog/tracks`); without it that route answers 503. */
  catalogWriter?: CatalogWriter;
  /** Friend requests, acceptances and removals (`/v1/listeners/{id}/community`); without it those routes answer 503. */
  community?: CommunityWriter;
  /** `DELETE /v1/listeners/{id}` (crypto-shredding everywhere); without it that route answers 503. */
  forgetListener?: ListenerForgetter;
  /** Shown by `/health`. */
  identity?: { station: string; mode: string };
  /** Which dependencies `/ready` asks; default the event log, profiles and catalog. */
  readyChecks?: readonly ReadyCheck[];
  /** One structured (JSON) log entry; default a line on stdout. */
  log?: GatewayLog;
  sse?: { heartbeatMs?: number; pollMs?: number };
  /** How long the gateway waits for another service's answer. Default 5 s. */
  queryTimeoutMs?: number;
}

export interface ResolvedGatewayDeps
  extends Required<
    Omit<GatewayDeps, 'catalogWriter' | 'rateLimits' | 'sse' | 'community' | 'forgetListener'>
  > {
  catalogWriter?: CatalogWriter;
  community?: CommunityWriter;
  forgetListener?: ListenerForgetter;
  rateLimits: RateLimits;
  sse: { heartbeatMs: number; pollMs: number };
}

export const GATEWAY_DEPS = Symbol('GatewayDeps');
