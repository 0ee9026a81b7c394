/** The error body every gateway refusal carries (API.md). */
export interface GatewayErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/**
 * The gateway answered, and refused: a 4xx or 5xx. `status`, `error` and
 * `message` come from its `{statusCode, error, message}` body (a body that is
 * not one, e.g. a proxy's HTML page, gives the HTTP status text and the
 * start of the body instead).
 */
export class QfzzApiError extends Error {
  override readonly name = 'QfzzApiError';
  /** HTTP status, e.g. 400. */
  readonly status: number;
  /** The status in words, e.g. `Bad Request`. */
  readonly error: string;
  readonly method: string;
  /** The full URL that was asked (never carries a token). */
  readonly url: string;
  /** Seconds to wait before retrying, from `Retry-After` (429, 503). */
  readonly retryAfterSeconds?: number;
  /** The parsed body as sent, for anything the fields above leave out. */
  readonly body: unknown;

  constructor(init: {
    status: number;
    error: string;
    message: string;
    method: string;
    url: string;
    retryAfterSeconds?: number;
    body?: unknown;
  }) {
    super(init.message);
    this.status = init.status;
    this.error = init.error;
    this.method = init.method;
    this.url = init.url;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.body = init.body;
  }
}

/** True for a `QfzzApiError`, and, given `status`, only for that status. */
export function isQfzzApiError(error: unknown, status?: number): error is QfzzApiError {
  return error instanceof QfzzApiError && (status === undefined || error.status === status);
}

export function isGatewayErrorBody(body: unknown): body is GatewayErrorBody {
  const candidate = body as Partial<GatewayErrorBody> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.statusCode === 'number' &&
    typeof candidate.error === 'string' &&
    typeof candidate.message === 'string'
  );
}
