/**
 * The gateway could not be asked or did not answer in time: connection
 * refused, DNS, TLS, a dropped connection, a timeout. The message names the
 * URL; `cause` is what `fetch` threw.
 */
export class QfzzNetworkError extends Error {
  override readonly name = 'QfzzNetworkError';
  readonly method: string;
  readonly url: string;
  /** True when the SDK gave up waiting (`timeoutMs`). */
  readonly timedOut: boolean;

  constructor(init: { method: string; url: string; cause: unknown; timedOut?: boolean }) {
    const reason = init.timedOut
      ? 'no answer in time'
      : isErrorLike(init.cause)
        ? describeCause(init.cause)
        : String(init.cause);
    super(`${init.method} ${init.url} failed: ${reason}`, { cause: init.cause });
    this.method = init.method;
    this.url = init.url;
    this.timedOut = init.timedOut ?? false;
  }
}

export function isQfzzNetworkError(error: unknown): error is QfzzNetworkError {
  return error instanceof QfzzNetworkError;
}

/** Node's fetch says "fetch failed" and keeps the reason (ECONNREFUSED ...) in `cause`. */
function describeCause(error: ErrorLike): string {
  const inner = error.cause;
  if (isErrorLike(inner)) {
    const code = inner.code;
    return `${error.message} (${typeof code === 'string' ? `${code}: ` : ''}${inner.message})`;
  }
  return error.message;
}

interface ErrorLike {
  message: string;
  code?: unknown;
  cause?: unknown;
}

/** Duck-typed: an error from another realm (a worker, a test sandbox) fails `instanceof Error`. */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';
}
