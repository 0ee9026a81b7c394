import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEdgeApp } from './edgeApp';
import { readStationConfig } from './stationConfig';

const ADMIN = 'edge-test-admin-token';

async function json(url: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of any answer and check it
  return { status: response.status, body: (await response.json()) as any };
}

describe('edge mode keeps everything across a restart', () => {
  let dataDir: string;
  let app: NestFastifyApplication | undefined;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'qfzz-edge-restart-'))));
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start() {
    app = await createEdgeApp(readStationConfig({ QFZZ_DATA_DIR: dataDir, QFZZ_ADMIN_TOKEN: ADMIN }));
    await app.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  }

  it('imports a catalog, registers a listener, records interactions; after a restart the token, profile and catalog are still there', async () => {
    let url = await start();
    const imported = await json(`${url}/v1/catalog/tracks`, {
      method: 'POST',
      token: ADMIN,
      body: {
        tracks: [
          {
            trackId: 'so-what',
            title: 'So What',
            artist: 'Miles Davis',
            genre: 'Jazz',
            energy: 0.3,
            tempo: 136,
            valence: 0.6,
          },
          {
            trackId: 'one-more-time',
            title: 'One More Time',
            artist: 'Daft Punk',
            genre: 'electronic',
            energy: 0.9,
          },
          { trackId: 'broken', title: '', artist: 'Nobody', genre: 'pop' },
        ],
      },
    });
    expect(imported.status).toBe(202);
    expect(imported.body).toMatchObject({
      accepted: 2,
      rejected: [{ index: 2, error: expect.stringMatching(/title/) }],
    });

    const registered = await json(`${url}/v1/listeners`, {
      method: 'POST',
      body: { listenerId: 'ada', name: 'Ada' },
    });
    expect(registered.status).toBe(201);
    const { token } = registered.body;
    const liked = await json(`${url}/v1/listeners/ada/interactions`, {
      method: 'POST',
      token,
      body: { trackId: 'so-what', type: 'like' },
    });
    expect(liked.status).toBe(202);
    const played = await json(`${url}/v1/listeners/ada/interactions`, {
      method: 'POST',
      token,
      body: { trackId: 'one-more-time', type: 'play' },
    });
    const before = await json(`${url}/v1/listeners/ada/profile?minPosition=${played.body.position}`, {
      token,
    });
    expect(before.body).toMatchObject({
      name: 'Ada',
      interactionCount: 2,
      trustScore: 0.52,
      genres: { jazz: 0.6, electronic: 0.55 },
    });

    await app?.close();
    app = undefined;
    url = await start();

    const after = await json(`${url}/v1/listeners/ada/profile`, { token });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect((await json(`${url}/v1/listeners/ada/trust`, { token })).body).toEqual({
      trustScore: 0.52,
      trustLevel: 'friend',
      communityTrust: 0.52,
      connections: 0,
    });
    expect((await json(`${url}/v1/listeners/ada/verify`, { token })).body).toMatchObject({
      ok: true,
      events: 3,
    });
    const page = await json(`${url}/v1/catalog/tracks?genre=jazz`);
    expect(page.body.tracks.map((t: { trackId: string }) => t.trackId)).toEqual(['so-what']);
    expect(
      (
        await json(`${url}/v1/listeners/ada/interactions`, {
          method: 'POST',
          token,
          body: { trackId: 'so-what', type: 'favorite' },
        })
      ).status,
    ).toBe(202);
    expect((await json(`${url}/v1/listeners`, { method: 'POST', body: { listenerId: 'ada' } })).status).toBe(
      409,
    );
  });
});
