import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isQfzzApiError, QfzzApiError } from './qfzzApiError';
import { QfzzClient } from './qfzzClient';
import { isQfzzNetworkError, QfzzNetworkError } from './qfzzNetworkError';
import type { FetchLike } from './http/httpTransport';

/** A real HTTP server on 127.0.0.1 that answers like a misbehaving proxy would. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('errors the SDK raises when the gateway cannot be reached or answers oddly', () => {
  it('wraps a refused connection in a QfzzNetworkError that names the URL and keeps the cause', async () => {
    const { url, server } = await serve(() => undefined);
    await close(server); // the port is free again: nobody listens
    const error = await new QfzzClient({ baseUrl: url }).listDjs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QfzzNetworkError);
    expect(isQfzzNetworkError(error)).toBe(true);
    expect(isQfzzApiError(error)).toBe(false);
    const network = error as QfzzNetworkError;
    expect(network.message).toContain(`GET ${url}/v1/djs failed`);
    expect(network.message).toMatch(/ECONNREFUSED/);
    expect(network).toMatchObject({ method: 'GET', url: `${url}/v1/djs`, timedOut: false });
    expect(network.cause).toMatchObject({ message: 'fetch failed' });
  });

  it('gives up after timeoutMs with a QfzzNetworkError that says so', async () => {
    const { url, server } = await serve(() => undefined); // never answers
    try {
      const error = (await new QfzzClient({ baseUrl: url, timeoutMs: 100 })
        .health()
        .catch((e: unknown) => e)) as QfzzNetworkError;
      expect(error).toBeInstanceOf(QfzzNetworkError);
      expect(error).toMatchObject({ timedOut: true, message: `GET ${url}/health failed: no answer in time` });
    } finally {
      await close(server);
    }
  });

  it('turns a refusal that is not the gateway’s JSON (a proxy’s HTML page) into a QfzzApiError with the status text', async () => {
    const { url, server } = await serve((_, response) => {
      response.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html', 'retry-after': '7' });
      response.end('<html><body>upstream down</body></html>');
    });
    try {
      const error = (await new QfzzClient({ baseUrl: `${url}/` })
        .health()
        .catch((e: unknown) => e)) as QfzzApiError;
      expect(error).toBeInstanceOf(QfzzApiError);
      expect(error).toMatchObject({
        status: 502,
        error: 'Bad Gateway',
        message: 'Bad Gateway: <html><body>upstream down</body></html>',
        url: `${url}/health`,
        retryAfterSeconds: 7,
      });
    } finally {
      await close(server);
    }
  });

  it('refuses a 2xx answer that is not JSON rather than returning garbage', async () => {
    const { url, server } = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('hello');
    });
    try {
      const error = (await new QfzzClient({ baseUrl: url })
        .health()
        .catch((e: unknown) => e)) as QfzzApiError;
      expect(error).toMatchObject({
        status: 200,
        error: 'Invalid Response',
        message: 'the answer is not JSON: hello',
      });
    } finally {
      await close(server);
    }
  });

  it('sends every request through the fetch it was given, with the bearer token and a JSON body', async () => {
    const seen: { url: string; method?: string; headers: Record<string, string>; body?: unknown }[] = [];
    const { url, server } = await serve((request, response) => {
      response.writeHead(202, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ eventId: 'e1', version: 2, position: 9 }));
      void request;
    });
    try {
      const recordingFetch: FetchLike = (input, init) => {
        seen.push({
          url: input,
          method: init?.method,
          headers: init?.headers as Record<string, string>,
          body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
        });
        return fetch(input, init);
      };
      const qfzz = new QfzzClient({ baseUrl: url, fetch: recordingFetch, token: 'listener-token' });
      expect(await qfzz.recordInteraction('a/b', { trackId: 't1', type: 'like' })).toEqual({
        eventId: 'e1',
        version: 2,
        position: 9,
      });
      expect(seen).toEqual([
        {
          url: `${url}/v1/listeners/a%2Fb/interactions`,
          method: 'POST',
          headers: {
            accept: 'application/json',
            authorization: 'Bearer listener-token',
            'content-type': 'application/json',
          },
          body: { trackId: 't1', type: 'like' },
        },
      ]);
      expect(qfzz.lastPosition('a/b')).toBe(9);
    } finally {
      await close(server);
    }
  });
});
