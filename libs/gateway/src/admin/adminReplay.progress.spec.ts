import {
  call,
  startGatewayTestServer,
  TEST_ADMIN_TOKEN,
  type GatewayTestServer,
} from '../testing/gatewayTestServer';

describe('admin replay: a blue-green rebuild with progress', () => {
  let server: GatewayTestServer;
  beforeAll(async () => (server = await startGatewayTestServer()));
  afterAll(() => server.close());

  it('starts a job, reports progress up to the head, finishes, and the profiles still read the same', async () => {
    const listeners = await Promise.all(
      ['r1', 'r2', 'r3'].map((listenerId) => server.register({ listenerId })),
    );
    for (const [i, { listenerId, token }] of listeners.entries()) {
      const items = Array.from({ length: 400 }, (_, j) => ({
        trackId: `t${((i + j) % 12) + 1}`,
        type: j % 3 === 0 ? 'skip' : 'like',
      }));
      expect(
        (
          await call(`${server.url}/v1/listeners/${listenerId}/history`, {
            method: 'POST',
            token,
            body: { items },
          })
        ).status,
      ).toBe(202);
    }
    const before = await Promise.all(
      listeners.map(({ listenerId, token }) =>
        call(`${server.url}/v1/listeners/${listenerId}/profile?minPosition=1`, { token }),
      ),
    );

    const started = await call(`${server.url}/v1/admin/replay`, {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      body: { projection: 'taste-profiles' },
    });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ jobId: expect.any(String) });

    const seen: string[] = [];
    let job: {
      state: string;
      progress: {
        phase: string;
        processed: number;
        position: number;
        head: number;
        eventsPerSecond: number;
        etaSeconds: number | null;
      };
    };
    const deadline = Date.now() + 20_000;
    do {
      const response = await call(`${server.url}/v1/admin/replay/${started.body.jobId}`, {
        token: TEST_ADMIN_TOKEN,
      });
      expect(response.status).toBe(200);
      job = response.body;
      seen.push(job.progress.phase);
      if (job.state === 'running') await new Promise((r) => setTimeout(r, 5));
    } while (job.state === 'running' && Date.now() < deadline);

    expect(job.state).toBe('done');
    const head = await server.head();
    expect(job.progress).toEqual({
      phase: 'done',
      processed: expect.any(Number),
      position: head,
      head,
      eventsPerSecond: expect.any(Number),
      etaSeconds: 0,
    });
    expect(job.progress.processed).toBeGreaterThanOrEqual(head);
    expect(job.progress.eventsPerSecond).toBeGreaterThan(0);

    const after = await Promise.all(
      listeners.map(({ listenerId, token }) =>
        call(`${server.url}/v1/listeners/${listenerId}/profile`, { token }),
      ),
    );
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
  });

  it('rebuilds taste-profiles when no projection is named', async () => {
    const started = await call(`${server.url}/v1/admin/replay`, { method: 'POST', token: TEST_ADMIN_TOKEN });
    expect(started.status).toBe(202);
    const job = await call(`${server.url}/v1/admin/replay/${started.body.jobId}`, {
      token: TEST_ADMIN_TOKEN,
    });
    expect(job.body.projection).toBe('taste-profiles');
  });

  it('refuses an unknown projection with 400, naming the known ones, and an unknown job with 404', async () => {
    const unknown = await call(`${server.url}/v1/admin/replay`, {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      body: { projection: 'playlists' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe(
      'body.projection: unknown projection "playlists"; known: taste-profiles',
    );
    expect(
      (await call(`${server.url}/v1/admin/replay/no-such-job`, { token: TEST_ADMIN_TOKEN })).status,
    ).toBe(404);
  });
});
