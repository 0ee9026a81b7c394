import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

describe('/health, /ready and /metrics', () => {
  let server: GatewayTestServer;
  afterEach(() => server.close());

  it('is ready when the log, the profile service and the catalog answer', async () => {
    server = await startGatewayTestServer();
    expect((await call(`${server.url}/health`)).body).toEqual({
      status: 'ok',
      station: 'qfzz-test',
      mode: 'test',
    });
    const ready = await call(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: {
        eventLog: { ok: true, position: 1 }, // the test catalog, in the log for the recommender
        profiles: { ok: true },
        catalog: { ok: true, tracks: 12 },
        trust: { ok: true },
        conversation: { ok: true },
        recommender: { ok: true },
      },
    });
  });

  it('is not ready (503, naming the dependency) when a service does not answer', async () => {
    server = await startGatewayTestServer({ catalog: false });
    const ready = await call(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('not_ready');
    expect(ready.body.checks.catalog).toEqual({ ok: false, error: expect.stringMatching(/no responder/) });
    expect(ready.body.checks.eventLog.ok).toBe(true);
  });

  it('names the trust network, the DJ and the recommender when they are not running', async () => {
    server = await startGatewayTestServer({ services: false });
    const ready = await call(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    for (const name of ['trust', 'conversation', 'recommender'])
      expect(ready.body.checks[name]).toEqual({ ok: false, error: expect.stringMatching(/no responder/) });
    expect(ready.body.checks.profiles).toEqual({ ok: true });
  });

  it('counts requests by route and status, their durations, and events appended, in Prometheus text', async () => {
    server = await startGatewayTestServer();
    const { token } = await server.register({ listenerId: 'm', preferences: { genres: { jazz: 1 } } });
    await call(`${server.url}/v1/listeners/m/interactions`, {
      method: 'POST',
      token,
      body: { trackId: 't1', type: 'like' },
    });
    await call(`${server.url}/v1/listeners/m/interactions`, {
      method: 'POST',
      token,
      body: { trackId: 'nope', type: 'like' },
    });
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toContain(
      'qfzz_http_requests_total{method="POST",route="/v1/listeners/:id/interactions",status="202"} 1',
    );
    expect(text).toContain(
      'qfzz_http_requests_total{method="POST",route="/v1/listeners/:id/interactions",status="400"} 1',
    );
    expect(text).toContain('qfzz_http_requests_total{method="POST",route="/v1/listeners",status="201"} 1');
    expect(text).toMatch(
      /qfzz_http_request_duration_seconds_bucket\{route="\/v1\/listeners\/:id\/interactions",le="\+Inf"\} 2/,
    );
    expect(text).toContain('qfzz_events_appended_total{type="ListenerRegistered"} 1');
    expect(text).toContain('qfzz_events_appended_total{type="PreferencesStated"} 1');
    expect(text).toContain('qfzz_events_appended_total{type="TrackLiked"} 1');
    expect(text).toContain('qfzz_event_log_head_position 4'); // 1 is the test catalog
  });
});
