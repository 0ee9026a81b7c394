/**
 * Request/reply between services (ask the recommender for a playlist, the
 * profile projection for a profile). Payloads are JSON; a handler's error
 * travels back as `{ error: { message, code } }` and is raised again as a
 * `QueryError` on the asking side.
 */
export interface QueryBus {
  /** Asks `<service>.<query>`; rejects with a QueryError (TIMEOUT, NO_RESPONDER or the handler's code). */
  request<TQuery, TResult>(
    service: string,
    query: string,
    payload: TQuery,
    options?: QueryOptions,
  ): Promise<TResult>;
  /** Answers `<service>.<query>`. Replicas of a service share the requests (one answers each). */
  respond<TQuery, TResult>(
    service: string,
    query: string,
    handler: QueryHandler<TQuery, TResult>,
  ): Promise<QueryResponder>;
  close(): Promise<void>;
}

export interface QueryOptions {
  /** Default 5 s. */
  timeoutMs?: number;
}

export type QueryHandler<TQuery, TResult> = (payload: TQuery) => TResult | Promise<TResult>;

export interface QueryResponder {
  stop(): Promise<void>;
}

/** What travels back on the wire. */
export type QueryReply<TResult = unknown> =
  | { result: TResult }
  | { error: { message: string; code: string } };

export const QUERY_TIMEOUT = 'TIMEOUT';
export const QUERY_NO_RESPONDER = 'NO_RESPONDER';
/** A handler error that carried no string `code` of its own. */
export const QUERY_HANDLER_FAILED = 'HANDLER_FAILED';
export const QUERY_BAD_REPLY = 'BAD_REPLY';
export const DEFAULT_QUERY_TIMEOUT_MS = 5000;

export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function isQueryError(error: unknown): error is QueryError {
  return error instanceof QueryError;
}

/** Runs a handler and turns its outcome into the wire reply; never throws. */
export async function answerQuery<TQuery, TResult>(
  handler: QueryHandler<TQuery, TResult>,
  payload: TQuery,
): Promise<QueryReply<TResult>> {
  try {
    return { result: await handler(payload) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return {
      error: {
        message: error instanceof Error ? error.message : String(error),
        code: typeof code === 'string' && code.length > 0 ? code : QUERY_HANDLER_FAILED,
      },
    };
  }
}

/** The result of a wire reply, or its error as a QueryError. */
export function unwrapReply<TResult>(reply: unknown): TResult {
  if (reply && typeof reply === 'object') {
    if ('error' in reply) {
      const { message, code } = (reply as { error: { message?: unknown; code?: unknown } }).error ?? {};
      throw new QueryError(
        String(message ?? 'query failed'),
        typeof code === 'string' ? code : QUERY_HANDLER_FAILED,
      );
    }
    return (reply as { result?: TResult }).result as TResult;
  }
  throw new QueryError(`unexpected reply: ${JSON.stringify(reply)}`, QUERY_BAD_REPLY);
}
