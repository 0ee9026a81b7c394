import { Inject, Injectable } from '@nestjs/common';
import { CONVERSATION_SERVICE, RECOMMENDER_SERVICE, TRUST_SERVICE } from '@qfzz/contracts';
import { isQueryError, QUERY_NO_RESPONDER, QUERY_TIMEOUT } from '@qfzz/messaging';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { notFound, unavailable } from './httpErrors';

/** What the gateway calls a service in the messages it answers with. */
export interface ServiceLabel {
  service: string;
  /** e.g. "the recommender": "<label> is not running, so ..." */
  label: string;
  /** What is missing while it does not answer, e.g. "no playlists". */
  without: string;
}

/**
 * Asks another service over the query bus with the gateway's timeout. A
 * service that does not answer (not deployed here, down, too slow) becomes a
 * 503 that says which one and what is missing; `NOT_FOUND` answers become a
 * 404. `INVALID_ARGUMENT` travels on to the exception filter (a 400).
 */
@Injectable()
export class ServiceClient {
  constructor(@Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps) {}

  async ask<TQuery, TResult>(target: ServiceLabel, query: string, payload: TQuery): Promise<TResult> {
    try {
      return await this.deps.queryBus.request<TQuery, TResult>(target.service, query, payload, {
        timeoutMs: this.deps.queryTimeoutMs,
      });
    } catch (error) {
      if (isQueryError(error)) {
        if (error.code === QUERY_NO_RESPONDER)
          throw unavailable(`${target.label} is not running here, so ${target.without}`);
        if (error.code === QUERY_TIMEOUT)
          throw unavailable(`${target.label} did not answer in time, so ${target.without} right now`);
        if (error.code === 'NOT_FOUND' || error.code === 'LISTENER_NOT_FOUND') throw notFound(error.message);
      }
      throw error;
    }
  }

  /** The answer, or undefined when the service is not answering (for optional enrichments). */
  async tryAsk<TQuery, TResult>(
    service: string,
    query: string,
    payload: TQuery,
  ): Promise<TResult | undefined> {
    try {
      return await this.deps.queryBus.request<TQuery, TResult>(service, query, payload, {
        timeoutMs: this.deps.queryTimeoutMs,
      });
    } catch {
      return undefined;
    }
  }
}

export const TRUST = { service: TRUST_SERVICE, label: 'the trust network', without: 'no trust or community' };
export const CONVERSATION = {
  service: CONVERSATION_SERVICE,
  label: 'the DJ (conversation service)',
  without: 'the DJ cannot talk',
};
export const RECOMMENDER = {
  service: RECOMMENDER_SERVICE,
  label: 'the recommender',
  without: 'no playlists',
};
