import { isGatewayErrorBody, QfzzApiError } from '../qfzzApiError';
import { QfzzNetworkError } from '../qfzzNetworkError';

/** The part of `fetch` the SDK uses; pass your own (a proxy, a test double, a polyfill). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Path and query, starting with `/`. */
  path: string;
  /** The bearer token to send, if any. */
  token?: string;
  /** Sent as JSON when defined. */
  body?: unknown;
}

export interface HttpTransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  /** Give up on a request after this long; 0 = never. */
  timeoutMs: number;
}

const BODY_SHOWN = 200;

/**
 * One HTTP exchange with the gateway: JSON in and out, the bearer token in
 * the header, refusals as `QfzzApiError`, transport failures as
 * `QfzzNetworkError` naming the URL.
 */
export class HttpTransport {
  constructor(private readonly options: HttpTransportOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  url(path: string): string {
    return `${this.options.baseUrl}${path}`;
  }

  /** The parsed JSON body of a 2xx answer; undefined for 204 or an empty body. */
  async json<T>(request: HttpRequest): Promise<T> {
    const url = this.url(request.path);
    const timeout = this.options.timeoutMs > 0 ? new AbortController() : undefined;
    const timer = timeout ? setTimeout(() => timeout.abort(), this.options.timeoutMs) : undefined;
    try {
      const response = await this.send(request, url, timeout?.signal);
      const text = await response.text();
      if (!response.ok) throw apiError(request.method, url, response, text);
      return (text === '' ? undefined : parseJson(request.method, url, response, text)) as T;
    } catch (error) {
      if (error instanceof QfzzApiError) throw error;
      throw new QfzzNetworkError({
        method: request.method,
        url,
        cause: error,
        timedOut: timeout?.signal.aborted ?? false,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The raw response of a 2xx answer, for streams; refusals are thrown like
   * `json` does. The caller reads (and cancels) the body.
   */
  async open(request: HttpRequest & { accept: string; signal?: AbortSignal }): Promise<Response> {
    const url = this.url(request.path);
    let response: Response;
    try {
      response = await this.send(request, url, request.signal, request.accept);
    } catch (error) {
      throw new QfzzNetworkError({ method: request.method, url, cause: error });
    }
    if (!response.ok) throw apiError(request.method, url, response, await response.text().catch(() => ''));
    return response;
  }

  private send(request: HttpRequest, url: string, signal?: AbortSignal, accept = 'application/json') {
    const headers: Record<string, string> = { accept };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    return this.options.fetch(url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(signal ? { signal } : {}),
    });
  }
}

function parseJson(method: string, url: string, response: Response, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new QfzzApiError({
      status: response.status,
      error: 'Invalid Response',
      message: `the answer is not JSON: ${text.slice(0, BODY_SHOWN)}`,
      method,
      url,
      body: text,
    });
  }
}

function apiError(method: string, url: string, response: Response, text: string): QfzzApiError {
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's page): the text is the best we have.
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  const common = {
    status: response.status,
    method,
    url,
    body,
    ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
  };
  if (isGatewayErrorBody(body))
    return new QfzzApiError({ ...common, error: body.error, message: body.message });
  const statusText = response.statusText || `HTTP ${response.status}`;
  const shown = text.trim().slice(0, BODY_SHOWN);
  return new QfzzApiError({
    ...common,
    error: statusText,
    message: shown ? `${statusText}: ${shown}` : statusText,
  });
}
