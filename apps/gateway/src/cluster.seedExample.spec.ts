import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QfzzClient, type TrackInput } from '@qfzz/client';
import {
  freePort,
  startAppProcess,
  startNats,
  startRedis,
  type RunningApp,
  type RunningNats,
  type RunningRedis,
} from '@qfzz/testing';

const ADMIN = 'cluster-test-admin-token-0123456789';
const SECRET = 'cluster-test-token-secret-0123456789';

const CATALOG: TrackInput[] = [
  {
    trackId: 'so-what',
    title: 'So What',
    artist: 'Miles Davis',
    genre: 'jazz',
    energy: 0.3,
    valence: 0.5,
    tempo: 'medium',
  },
  {
    trackId: 'take-five',
    title: 'Take Five',
    artist: 'Dave Brubeck',
    genre: 'jazz',
    energy: 0.4,
    valence: 0.6,
    tempo: 'medium',
  },
  {
    trackId: 'blue-in-green',
    title: 'Blue in Green',
    artist: 'Miles Davis',
    genre: 'jazz',
    energy: 0.15,
    valence: 0.3,
    tempo: 'slow',
  },
  {
    trackId: 'one-more-time',
    title: 'One More Time',
    artist: 'Daft Punk',
    genre: 'edm',
    energy: 0.9,
    valence: 0.9,
    tempo: 'fast',
  },
  {
    trackId: 'around-the-world',
    title: 'Around the World',
    artist: 'Daft Punk',
    genre: 'edm',
    energy: 0.8,
    valence: 0.7,
    tempo: 'fast',
  },
  {
    trackId: 'everlong',
    title: 'Everlong',
    artist: 'Foo Fighters',
    genre: 'rock',
    energy: 0.9,
    valence: 0.4,
    tempo: 'fast',
  },
  {
    trackId: 'creep',
    title: 'Creep',
    artist: 'Radiohead',
    genre: 'rock',
    energy: 0.4,
    valence: 0.1,
    tempo: 'slow',
  },
  {
    trackId: 'teardrop',
    title: 'Teardrop',
    artist: 'Massive Attack',
    genre: 'trip-hop',
    energy: 0.3,
    valence: 0.2,
    tempo: 'slow',
  },
];

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Cluster mode for real: the gateway and the four services as separate
 * processes, talking over real NATS (JetStream and request/reply) and Redis,
 * sharing one SQLite log file — and the seed's examples through the SDK.
 */
describe('cluster mode: five services as separate processes over NATS and Redis', () => {
  let nats: RunningNats;
  let redis: RunningRedis;
  let dir: string;
  const apps: RunningApp[] = [];
  let gateway: RunningApp;

  beforeAll(async () => {
    [nats, redis] = await Promise.all([startNats(), startRedis()]);
    dir = mkdtempSync(join(tmpdir(), 'qfzz-cluster-'));
    const env = {
      NATS_URL: nats.url,
      REDIS_URL: redis.url,
      QFZZ_EVENT_STORE: 'sqlite',
      QFZZ_DATA_DIR: dir,
      QFZZ_ADMIN_TOKEN: ADMIN,
      QFZZ_TOKEN_SECRET: SECRET,
      QFZZ_ACK_WAIT_MS: '5000',
    };
    const services = ['profile-projection', 'recommender', 'conversation', 'trust-network'];
    const ports = await Promise.all([...services, 'gateway'].map(() => freePort()));
    apps.push(
      ...(await Promise.all(
        services.map((app, i) => startAppProcess({ app, port: ports[i], env, readyPath: '/health' })),
      )),
    );
    // The gateway is ready when every service answers it.
    gateway = await startAppProcess({ app: 'gateway', port: ports[4], env, readyPath: '/ready' });
    apps.push(gateway);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await Promise.all([nats?.stop(), redis?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('runs the seed’s complete interaction example', async () => {
    const admin = new QfzzClient({ baseUrl: gateway.url, adminToken: ADMIN });
    const imported = await admin.importTracks(CATALOG);
    expect(imported.accepted).toBe(CATALOG.length);

    const client = new QfzzClient({ baseUrl: gateway.url });
    const { listenerId } = await client.createListener({
      listenerId: 'alex',
      name: 'Alex',
      preferences: { genres: { jazz: 0.8 }, energyLevel: 0.4 },
    });
    const greeting = await client.greetUser(listenerId);
    expect(greeting.text).toContain(greeting.djName);

    await client.interact(listenerId, 'I am in a great mood today!');
    const second = await client.interact(listenerId, 'put on some jazz');
    expect(second.understood.intent).toBe('request_recommendation');
    expect(second.understood.genres).toContain('jazz');
    const trust = await client.getTrustScore(listenerId);
    expect(trust.trustScore).toBe(0.52);

    const playlist = await client.generatePlaylist(listenerId, { size: 5 });
    expect(playlist.tracks.length).toBeGreaterThan(0);
    for (const track of playlist.tracks) expect(track.reason.length).toBeGreaterThan(0);

    await client.recordInteraction(listenerId, { trackId: 'so-what', type: 'like' });
    const skipped = await client.recordInteraction(listenerId, { trackId: 'one-more-time', type: 'skip' });
    const profile = await client.getProfile(listenerId, { minPosition: skipped.position });
    expect(profile.genres.jazz).toBeCloseTo(0.9);
    expect(profile.genres.edm).toBeCloseTo(0.45);
    expect(profile.interactionCount).toBe(4);
  }, 120_000);

  it('runs the seed’s multi-user example: a request, an acceptance, a community of one each', async () => {
    const client = new QfzzClient({ baseUrl: gateway.url });
    await client.createListener({ listenerId: 'sam', name: 'Sam' });
    await client.createListener({ listenerId: 'kim', name: 'Kim' });
    await client.addToCommunity('sam', 'kim');
    await client.acceptCommunity('kim', 'sam');
    const sam = await eventually(
      () => client.getCommunity('sam'),
      (view) => view.connections.length === 1,
    );
    const kim = await client.getCommunity('kim');
    expect(sam.connections.map((c) => c.listenerId)).toEqual(['kim']);
    expect(kim.connections.map((c) => c.listenerId)).toEqual(['sam']);
  }, 120_000);
});
