import {
  call,
  startGatewayTestServer,
  TEST_ADMIN_TOKEN,
  type GatewayTestServer,
} from '../testing/gatewayTestServer';

describe('the catalog over HTTP', () => {
  let server: GatewayTestServer;
  beforeAll(async () => (server = await startGatewayTestServer()));
  afterAll(() => server.close());

  it('pages through the catalog with filters and a cursor', async () => {
    const first = await call(`${server.url}/v1/catalog/tracks?limit=2&genre=jazz`);
    expect(first.status).toBe(200);
    expect(first.body.tracks.map((t: { trackId: string }) => t.trackId)).toEqual(['t1', 't5']);
    const next = await call(
      `${server.url}/v1/catalog/tracks?limit=2&genre=jazz&cursor=${first.body.nextCursor}`,
    );
    expect(next.body.tracks.map((t: { trackId: string }) => t.trackId)).toEqual(['t9']);
    expect(next.body.nextCursor).toBeUndefined();
    expect((await call(`${server.url}/v1/catalog/tracks?q=queen`)).body.tracks).toHaveLength(3);
  });

  it('answers catalog writes with 503 while no catalog writer is wired, writing nothing', async () => {
    const before = await server.head();
    const response = await call(`${server.url}/v1/catalog/tracks`, {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      body: { tracks: [{ trackId: 'n1', title: 'New', artist: 'A', genre: 'pop' }] },
    });
    expect(response.status).toBe(503);
    expect(response.body.message).toMatch(/catalog service is not wired/);
    expect(await server.head()).toBe(before);
  });

  it('hands rows to the catalog writer when one is wired, with who asked', async () => {
    const seen: unknown[] = [];
    const wired = await startGatewayTestServer({
      catalogWriter: {
        importTracks: async (rows, write) => {
          seen.push({ rows, write });
          return {
            accepted: rows.length - 1,
            rejected: [{ index: 1, error: 'tracks[1].title: is required' }],
          };
        },
      },
    });
    try {
      const response = await call(`${wired.url}/v1/catalog/tracks`, {
        method: 'POST',
        token: TEST_ADMIN_TOKEN,
        headers: { 'x-correlation-id': 'import-1' },
        body: { tracks: [{ trackId: 'a' }, { trackId: 'b' }] },
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        accepted: 1,
        rejected: [{ index: 1, error: 'tracks[1].title: is required' }],
      });
      expect(seen).toEqual([
        { rows: [{ trackId: 'a' }, { trackId: 'b' }], write: { correlationId: 'import-1', actor: 'admin' } },
      ]);
    } finally {
      await wired.close();
    }
  });
});
