import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identifyCaller, identifyFromHeader, type Caller, type CallerSecrets } from '../auth/caller';
import type { GatewayMetrics } from '../metrics/gatewayMetrics';
import type { RateLimits } from '../rateLimit/rateLimits';
import { TokenBuckets } from '../rateLimit/tokenBucket';
import { BULK_BODY_LIMIT, bodyLimitFor } from './bodyLimits';
import type { GatewayLog } from './gatewayLog';
import { errorBody, GatewayHttpError } from './httpErrors';
import { contextOf, CORRELATION_HEADER, correlationIdFrom } from './requestContext';

export interface HttpPipelineDeps {
  secrets: CallerSecrets;
  rateLimits: RateLimits;
  metrics: GatewayMetrics;
  log: GatewayLog;
}

/** Routes an EventSource can reach, which cannot send headers: these also take `?token=`. */
const QUERY_TOKEN_ROUTES = new Set(['/v1/listeners/:id/stream']);

/**
 * What happens to every request before and after a handler, at the Fastify
 * level: JSON-only bodies with size limits, a correlation id, who the caller
 * is, rate limits, and one metric sample and one log line per response.
 */
export function installHttpPipeline(fastify: FastifyInstance, deps: HttpPipelineDeps): void {
  installJsonBodies(fastify);
  const buckets = {
    listener: new TokenBuckets(deps.rateLimits.listener),
    admin: new TokenBuckets(deps.rateLimits.admin),
    anonymous: new TokenBuckets(deps.rateLimits.anonymous),
  };

  fastify.addHook('onRequest', async (request, reply) => {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    reply.header(CORRELATION_HEADER, correlationId);
    const caller = callerOf(request, deps.secrets);
    request.qfzz = { correlationId, caller, startedAt: process.hrtime.bigint() };

    const length = Number(request.headers['content-length'] ?? 0);
    const limit = bodyLimitFor(request.routeOptions.url);
    if (length > limit) return refuse(reply, new GatewayHttpError(413, `body is larger than ${limit} bytes`));

    const [bucket, key] =
      caller.kind === 'listener'
        ? [buckets.listener, `listener:${caller.listenerId}`]
        : caller.kind === 'admin'
          ? [buckets.admin, 'admin']
          : [buckets.anonymous, `ip:${request.ip}`];
    const taken = bucket.take(key);
    if (!taken.ok)
      return refuse(
        reply,
        new GatewayHttpError(429, `rate limit exceeded; retry in ${taken.retryAfterSeconds} s`, {
          'retry-after': String(taken.retryAfterSeconds),
        }),
      );
    return undefined;
  });

  fastify.addHook('onResponse', async (request, reply) => {
    const context = contextOf(request);
    const seconds = Number(process.hrtime.bigint() - context.startedAt) / 1e9;
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.observeRequest(request.method, route, reply.statusCode, seconds);
    deps.log({
      level: reply.statusCode >= 500 ? 'error' : 'info',
      msg: 'request',
      correlationId: context.correlationId,
      method: request.method,
      // The path only: a query may hold an EventSource token.
      path: request.url.split('?')[0].slice(0, 300),
      route,
      status: reply.statusCode,
      durationMs: Math.round(seconds * 1e6) / 1e3,
      caller: describeCaller(context.caller),
    });
  });
}

function callerOf(request: FastifyRequest, secrets: CallerSecrets): Caller {
  const header = request.headers.authorization;
  if (header === undefined && QUERY_TOKEN_ROUTES.has(request.routeOptions.url ?? '')) {
    const token = (request.query as Record<string, unknown> | undefined)?.token;
    if (typeof token === 'string') return identifyCaller(token.slice(0, 512), secrets);
    if (token !== undefined) return { kind: 'invalid' };
  }
  return identifyFromHeader(header, secrets);
}

function describeCaller(caller: Caller): string {
  return caller.kind === 'listener' ? `listener:${caller.listenerId}` : caller.kind;
}

function refuse(reply: FastifyReply, error: GatewayHttpError): FastifyReply {
  return reply.headers(error.headers).code(error.statusCode).send(errorBody(error.statusCode, error.message));
}

/**
 * JSON is the only body the gateway reads: every other parser goes, so
 * another or a missing content type on a body is a 415. Prototype poisoning
 * is refused, an empty body counts as no body, and each route's size limit
 * holds also for bodies sent without a content-length.
 */
function installJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BULK_BODY_LIMIT },
    (request, body, done) => {
      const text = body as string;
      const limit = bodyLimitFor(request.routeOptions.url);
      if (Buffer.byteLength(text) > limit) {
        done(new GatewayHttpError(413, `body is larger than ${limit} bytes`), undefined);
        return;
      }
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      parseJson(request, text, (error, value) => {
        if (error) done(new GatewayHttpError(400, `body is not valid JSON: ${error.message}`), undefined);
        else done(null, value);
      });
    },
  );
}
