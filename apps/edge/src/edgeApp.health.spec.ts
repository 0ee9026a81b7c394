import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadAdminToken } from './adminToken';
import { coListeningBudgetBytes } from '@qfzz/recommender';
import { createEdgeApp, edgeRuntimeOf } from './edgeApp';
import { cacheBudgetBytes } from './edgeRuntime';
import { readStationConfig } from './stationConfig';
import { loadTokenSecret } from './tokenSecret';

describe('edge mode on one device', () => {
  let dataDir: string;
  let app: NestFastifyApplication | undefined;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'qfzz-edge-'))));
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start() {
    app = await createEdgeApp(readStationConfig({ QFZZ_DATA_DIR: dataDir, PORT: '0' }));
    await app.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  }

  it('answers /health and /ready over HTTP, with every embedded dependency answering, files in the data dir', async () => {
    const url = await start();
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', station: 'qfzz', mode: 'edge' });
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: {
        eventLog: { ok: true, position: 0 },
        profiles: { ok: true },
        catalog: { ok: true, tracks: 0 },
        trust: { ok: true },
        conversation: { ok: true },
        recommender: { ok: true },
      },
    });
    for (const file of ['qfzz.db', 'read-models.db', 'keys.db', 'admin-token', 'token-secret'])
      expect(statSync(join(dataDir, file)).isFile()).toBe(true);
    expect(statSync(join(dataDir, 'token-secret')).mode & 0o077).toBe(0);
  });

  it('generates the admin token once, keeps it private in the data dir, and reuses it', () => {
    const first = loadAdminToken(dataDir);
    const again = loadAdminToken(dataDir);
    expect(first.generated).toBe(true);
    expect(again).toEqual({ token: first.token, generated: false });
    expect(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()).toBe(first.token);
    expect(statSync(join(dataDir, 'admin-token')).mode & 0o077).toBe(0);
    expect(loadAdminToken(dataDir, 'from-env')).toEqual({ token: 'from-env', generated: false });
  });

  it('generates the token secret once, keeps it private, and prefers QFZZ_TOKEN_SECRET', () => {
    const first = loadTokenSecret(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadTokenSecret(dataDir)).toBe(first);
    expect(statSync(join(dataDir, 'token-secret')).mode & 0o077).toBe(0);
    expect(loadTokenSecret(dataDir, 'from-env-secret')).toBe('from-env-secret');
    expect(readStationConfig({ QFZZ_TOKEN_SECRET: 'abc' }).tokenSecret).toBe('abc');
  });

  it('gives the profile cache 64 MB, or a quarter of QFZZ_MAX_MEMORY_MB', () => {
    expect(cacheBudgetBytes(undefined)).toBe(64 * 1024 * 1024);
    expect(cacheBudgetBytes(256)).toBe(64 * 1024 * 1024);
    expect(cacheBudgetBytes(32)).toBe(8 * 1024 * 1024);
  });

  it('refuses settings it cannot read, naming the variable', () => {
    expect(() => readStationConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty" is not valid/);
    expect(() => readStationConfig({ QFZZ_HASH_CHAIN: 'maybe' })).toThrow(
      /QFZZ_HASH_CHAIN="maybe" is not valid: expected on or off/,
    );
    expect(readStationConfig({ QFZZ_PERSONALIZATION: 'off' }).personalization).toBe(false);
    expect(() => readStationConfig({ QFZZ_HASH_CHAIN: 'off' })).toThrow(/the chain cannot be turned off/);
  });

  it('keeps the co-listening model to a quarter of QFZZ_MAX_MEMORY_MB, and says what it gave up', async () => {
    const said: string[] = [];
    const spy = jest
      .spyOn(console, 'log')
      .mockImplementation((line: unknown) => void said.push(String(line)));
    try {
      app = await createEdgeApp(
        readStationConfig({
          QFZZ_DATA_DIR: dataDir,
          PORT: '0',
          QFZZ_ADMIN_TOKEN: 'admin',
          QFZZ_MAX_MEMORY_MB: '4',
        }),
      );
      await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const post = (path: string, body: unknown, token: string) =>
        fetch(`${url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const tracks = Array.from({ length: 400 }, (_, i) => ({
        trackId: `t${i}`,
        title: `Song ${i}`,
        artist: `Artist ${i % 40}`,
        genre: ['rock', 'jazz', 'pop', 'edm'][i % 4],
      }));
      expect((await post('/v1/catalog/tracks', { tracks }, 'admin')).status).toBe(202);
      const registered = (await (await post('/v1/listeners', { listenerId: 'ada' }, '')).json()) as {
        token: string;
      };
      const items = Array.from({ length: 4000 }, (_, i) => ({ trackId: `t${(i * 7) % 400}` }));
      const imported = await post('/v1/listeners/ada/history', { items }, registered.token);
      expect(imported.status).toBe(202);
      const { recommender, catalog } = edgeRuntimeOf(app);
      // One copy of the catalog: the recommender reads the catalog projection's index.
      expect(recommender.follower.index).toBe(catalog.index);
      expect(catalog.index.size).toBe(400);
      await recommender.follower.waitFor(((await imported.json()) as { position: number }).position);
      const model = recommender.follower.coListening;
      expect(model.estimatedBytes).toBeLessThanOrEqual(coListeningBudgetBytes(4) as number);
      expect(model.limits.maxNeighbours).toBeLessThan(200);
      expect(
        said.some((line) => /^\[qfzz\] co-listening model: neighbours kept per track 200 -> 100/.test(line)),
      ).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
