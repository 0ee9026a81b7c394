import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEdgeApp } from '../edgeApp';
import { readStationConfig } from '../stationConfig';

export const EDGE_TEST_ADMIN = 'edge-test-admin-token';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of any answer and check it
type AnyBody = any;

export interface EdgeTestApp {
  url: string;
  dataDir: string;
  app: NestFastifyApplication;
  /** fetch with a bearer token and a JSON body; the answer parsed when it is JSON. */
  call(
    path: string,
    init?: { method?: string; token?: string; body?: unknown },
  ): Promise<{ status: number; body: AnyBody }>;
  register(listenerId: string, body?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** The edge app as `npm start` runs it, on 127.0.0.1:<free port> over a temp data dir. */
export async function startEdgeTestApp(env: Record<string, string> = {}): Promise<EdgeTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qfzz-edge-flow-'));
  const app = await createEdgeApp(
    readStationConfig({ QFZZ_DATA_DIR: dataDir, QFZZ_ADMIN_TOKEN: EDGE_TEST_ADMIN, PORT: '0', ...env }),
  );
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const call: EdgeTestApp['call'] = async (path, init = {}) => {
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (204, metrics): keep the text
    }
    return { status: response.status, body };
  };
  return {
    url,
    dataDir,
    app,
    call,
    async register(listenerId, body = {}) {
      const response = await call('/v1/listeners', { method: 'POST', body: { listenerId, ...body } });
      if (response.status !== 201) throw new Error(`register ${listenerId}: ${JSON.stringify(response)}`);
      return response.body.token as string;
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small catalog over a few genres; every artist name is ordinary (none of them is a listener's secret). */
export function flowCatalog() {
  const genres = ['rock', 'jazz', 'edm', 'pop', 'hip-hop', 'classical'];
  const moods = ['energetic', 'calm', 'happy', 'focused'];
  return Array.from({ length: 36 }, (_, i) => ({
    trackId: `trk-${i + 1}`,
    title: `Song ${i + 1}`,
    artist: `${genres[i % 6][0].toUpperCase()}${genres[i % 6].slice(1)} Band ${Math.floor(i / 6) + 1}`,
    genre: genres[i % 6],
    mood: moods[i % 4],
    energy: Math.round((((i * 7) % 10) / 10 + 0.05) * 100) / 100,
    tempo: (['slow', 'medium', 'fast'] as const)[i % 3],
  }));
}
