import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isExpectedVersionConflict } from '@qfzz/event-store';
import { isQueryError, QUERY_NO_RESPONDER, QUERY_TIMEOUT } from '@qfzz/messaging';
import { contextOf } from './requestContext';
import type { GatewayLog } from './gatewayLog';
import { errorBody, GatewayHttpError, type ErrorBody } from './httpErrors';

const NOT_JSON = 'the body must be JSON: send content-type: application/json';

/**
 * Every error leaves the gateway as `{statusCode, error, message}`. Bad input
 * is a 4xx by construction: only an error nobody expected becomes a 500, and
 * its details go to the log, not to the client.
 */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  constructor(private readonly log: GatewayLog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers } = this.describe(exception, request);
    if (reply.sent || reply.raw.headersSent) return;
    reply.headers(headers).status(body.statusCode).send(body);
  }

  private describe(
    exception: unknown,
    request: FastifyRequest,
  ): { body: ErrorBody; headers: Record<string, string> } {
    if (exception instanceof GatewayHttpError)
      return { body: errorBody(exception.statusCode, exception.message), headers: exception.headers };
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : [(response as { message?: unknown }).message].flat().filter(Boolean).join('; ') ||
            exception.message;
      const status = exception.getStatus();
      // Fastify's refusals arrive here as HttpExceptions; a bare "Unsupported Media Type" does not say what to send.
      return { body: errorBody(status, status === 415 ? NOT_JSON : message), headers: {} };
    }
    if (isExpectedVersionConflict(exception)) return { body: errorBody(409, exception.message), headers: {} };
    // A service refused the question itself (the catalog's forged cursor, say): the caller's input was wrong.
    if (isQueryError(exception) && exception.code === 'INVALID_ARGUMENT')
      return { body: errorBody(400, exception.message), headers: {} };
    // A service says the listener (or what was asked about) does not exist.
    if (
      isQueryError(exception) &&
      (exception.code === 'NOT_FOUND' || exception.code === 'LISTENER_NOT_FOUND')
    )
      return { body: errorBody(404, exception.message), headers: {} };
    if (
      isQueryError(exception) &&
      (exception.code === QUERY_NO_RESPONDER || exception.code === QUERY_TIMEOUT)
    )
      return { body: errorBody(503, `a service is not answering: ${exception.message}`), headers: {} };
    // Fastify's own refusals (415 media type, 400 bad JSON, 413 too large) carry their status.
    const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return {
        body: errorBody(statusCode, statusCode === 415 ? NOT_JSON : (exception as Error).message),
        headers: {},
      };
    }
    this.log({
      level: 'error',
      msg: 'unexpected error',
      correlationId: contextOf(request).correlationId,
      error: exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    });
    return {
      body: errorBody(500, 'internal error; the correlation id in the log tells what happened'),
      headers: {},
    };
  }
}
