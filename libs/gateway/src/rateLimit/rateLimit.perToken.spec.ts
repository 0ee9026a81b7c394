import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

describe('rate limits per token over HTTP', () => {
  let server: GatewayTestServer;
  beforeAll(
    async () =>
      (server = await startGatewayTestServer({
        rateLimits: {
          listener: { perSecond: 1, burst: 5 },
          anonymous: { perSecond: 1, burst: 3 },
          admin: { perSecond: 1, burst: 5 },
        },
      })),
  );
  afterAll(() => server.close());

  it('gives each listener a bucket of its own and answers 429 with Retry-After when it is empty', async () => {
    const ann = await server.register({ listenerId: 'ann' });
    const bob = await server.register({ listenerId: 'bob' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await call(`${server.url}/v1/listeners/ann/profile`, { token: ann.token })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(`${server.url}/v1/listeners/ann/trust`, { token: ann.token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/rate limit/),
    });
    // Bob is not slowed down by Ann.
    expect((await call(`${server.url}/v1/listeners/bob/profile`, { token: bob.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await call(`${server.url}/v1/listeners/ann/profile`, { token: ann.token })).status).toBe(200);
  });

  it('limits callers without a valid token by address, so forged tokens cannot buy fresh buckets', async () => {
    await new Promise((r) => setTimeout(r, 3100)); // the registrations above used the anonymous bucket
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await call(`${server.url}/v1/djs`, { token: `forged-${i}` })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});
