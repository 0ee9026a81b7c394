import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller';

/** What the gateway learns about a request before any handler runs. */
export interface RequestContext {
  correlationId: string;
  caller: Caller;
  startedAt: bigint;
}

declare module 'fastify' {
  interface FastifyRequest {
    qfzz?: RequestContext;
  }
}

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The caller's `x-correlation-id` when it is a sane id; otherwise a fresh one. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
}

export function contextOf(request: FastifyRequest): RequestContext {
  return (
    request.qfzz ?? {
      correlationId: randomUUID(),
      caller: { kind: 'anonymous' },
      startedAt: process.hrtime.bigint(),
    }
  );
}

/** The metadata every event a request appends carries (ARCHITECTURE.md). */
export interface WriteContext {
  correlationId: string;
  actor: string;
}

export function writeContextOf(request: FastifyRequest, actor?: string): WriteContext {
  const { correlationId, caller } = contextOf(request);
  const who =
    actor ??
    (caller.kind === 'listener' ? caller.listenerId : caller.kind === 'admin' ? 'admin' : 'anonymous');
  return { correlationId, actor: who };
}
