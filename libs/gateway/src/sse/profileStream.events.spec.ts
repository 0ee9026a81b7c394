import { call, startGatewayTestServer, type GatewayTestServer } from '../testing/gatewayTestServer';

interface SseMessage {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

/** Reads server-sent events from a fetch body until `until` says stop. */
async function readEvents(
  response: Response,
  until: (messages: SseMessage[]) => boolean,
  timeoutMs = 10_000,
): Promise<SseMessage[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(messages) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) message.comment = line.slice(1).trim();
        else {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').trimStart();
          if (field === 'event' || field === 'id' || field === 'data') message[field] = value;
        }
      }
      messages.push(message);
    }
  }
  await reader.cancel();
  return messages;
}

describe('server-sent events at /v1/listeners/{id}/stream', () => {
  let server: GatewayTestServer;
  beforeAll(async () => (server = await startGatewayTestServer({ sse: { heartbeatMs: 200, pollMs: 1000 } })));
  afterAll(() => server.close());

  it('sends profile.updated with the profile that reflects a new interaction, and heartbeats', async () => {
    const { token } = await server.register({ listenerId: 'sse' });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/listeners/sse/stream`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const liked = call(`${server.url}/v1/listeners/sse/interactions`, {
      method: 'POST',
      token,
      body: { trackId: 't1', type: 'like' },
    });
    const messages = await readEvents(
      response,
      (m) =>
        m.some((x) => x.event === 'profile.updated') && m.some((x) => x.comment?.startsWith('heartbeat')),
    );
    controller.abort();
    const { body: appended } = await liked;
    const update = messages.find((m) => m.event === 'profile.updated');
    expect(update?.id).toBe(String(appended.version));
    const profile = JSON.parse(update?.data ?? '{}');
    expect(profile).toMatchObject({
      listenerId: 'sse',
      interactionCount: 1,
      version: appended.version,
      position: appended.position,
    });
    expect(messages.some((m) => m.comment?.startsWith('heartbeat'))).toBe(true);
  });

  it('sends dj.said when the DJ replies, and playlist.updated when the profile version moves', async () => {
    const { token } = await server.register({ listenerId: 'talker' });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/listeners/talker/stream`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const said = call(`${server.url}/v1/listeners/talker/messages`, {
      method: 'POST',
      token,
      body: { text: 'hello there' },
    });
    const messages = await readEvents(
      response,
      (m) => m.some((x) => x.event === 'dj.said') && m.some((x) => x.event === 'playlist.updated'),
    );
    controller.abort();
    const { body: reply } = await said;
    const dj = JSON.parse(messages.find((m) => m.event === 'dj.said')?.data ?? '{}');
    expect(dj).toMatchObject({ text: reply.reply, djName: reply.djName, position: reply.position });
    const stale = JSON.parse(messages.find((m) => m.event === 'playlist.updated')?.data ?? '{}');
    expect(stale).toEqual({ profileVersion: expect.any(Number), position: expect.any(Number) });
    expect(stale.profileVersion).toBeGreaterThan(1);
  });

  it('takes the token from ?token= for EventSource clients, and still refuses others', async () => {
    const { token } = await server.register({ listenerId: 'es' });
    const other = await server.register({ listenerId: 'es-other' });
    const controller = new AbortController();
    const ok = await fetch(`${server.url}/v1/listeners/es/stream?token=${encodeURIComponent(token)}`, {
      signal: controller.signal,
    });
    expect(ok.status).toBe(200);
    controller.abort();
    expect(
      (await call(`${server.url}/v1/listeners/es/stream?token=${encodeURIComponent(other.token)}`)).status,
    ).toBe(403);
    expect((await call(`${server.url}/v1/listeners/es/stream?token=nonsense`)).status).toBe(401);
    expect((await call(`${server.url}/v1/listeners/es/stream`)).status).toBe(401);
    // ?token= is only for the stream.
    expect(
      (await call(`${server.url}/v1/listeners/es/profile?token=${encodeURIComponent(token)}`)).status,
    ).toBe(401);
  });
});
