import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@qfzz/testing';
import { latencySummary, round } from '../measure';

const root = join(__dirname, '../../..');
const ADMIN = 'bench-admin-token-0123456789';

export interface HttpBenchOptions {
  log: (line: string) => void;
  /** Bulk history calls of `bulkItems` items each. */
  bulkCalls: number;
  bulkItems: number;
  /** Single-event POSTs at fixed rates, one run each (the target rate last). */
  ratesPerSecond: number[];
  seconds: number;
  listeners: number;
}

export const DEFAULT_HTTP: Omit<HttpBenchOptions, 'log'> = {
  bulkCalls: 10,
  bulkItems: 10_000,
  ratesPerSecond: [200, 1000],
  seconds: 10,
  listeners: 50,
};

/** The edge server as a user runs it (compiled, its own process), loaded over real HTTP on loopback. */
export async function benchHttp(options: HttpBenchOptions) {
  const { log } = options;
  log('compiling the edge app');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'apps/edge/tsconfig.app.json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`edge build failed:\n${build.stdout}${build.stderr}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'qfzz-bench-http-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // QFZZ_BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.QFZZ_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, 'dist/out-tsc/apps/edge/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      QFZZ_DATA_DIR: dataDir,
      QFZZ_ADMIN_TOKEN: ADMIN,
      // A load test is many requests per listener; the default per-listener limit would answer 429.
      QFZZ_RATE_LIMIT_PER_SECOND: '100000',
      QFZZ_RATE_LIMIT_BURST: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // QFZZ_BENCH_SERVER_LOG=FILE keeps the server's whole output (e.g. with --trace-gc in the node args).
  const keep = process.env.QFZZ_BENCH_SERVER_LOG
    ? createWriteStream(process.env.QFZZ_BENCH_SERVER_LOG)
    : undefined;
  server.stdout?.on('data', (c) => ((output = (output + c).slice(-10_000)), keep?.write(c)));
  server.stderr?.on('data', (c) => ((output = (output + c).slice(-10_000)), keep?.write(c)));
  try {
    await waitForReady(base, server, () => output);
    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 400) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };

    log('importing a 1,000-track catalog');
    const genres = ['rock', 'jazz', 'edm', 'pop', 'r&b', 'rap', 'latin', 'indie'];
    const tracks = Array.from({ length: 1000 }, (_, i) => ({
      trackId: `bench-${i}`,
      title: `Track ${i}`,
      artist: `Artist ${i % 120}`,
      genre: genres[i % genres.length],
      energy: (i % 100) / 100,
      valence: ((i * 7) % 100) / 100,
      tempo: 80 + (i % 100),
    }));
    await call('POST', '/v1/catalog/tracks', { tracks }, ADMIN);
    const listeners: { listenerId: string; token: string }[] = [];
    for (let i = 0; i < options.listeners; i++)
      listeners.push(await call('POST', '/v1/listeners', { name: `bench ${i}` }));
    // The import is folded in asynchronously: wait until a lookup of the last track succeeds.
    await retry(() =>
      call(
        'POST',
        `/v1/listeners/${listeners[0].listenerId}/interactions`,
        { trackId: 'bench-999', type: 'play' },
        listeners[0].token,
      ),
    );

    log(`bulk history: ${options.bulkCalls} calls of ${options.bulkItems} items`);
    let lastPosition = 0;
    const cpu = mainThreadCpu(server.pid);
    const loadBefore = loadavg().map((x) => round(x, 2));
    const bulkCpuBefore = cpu();
    const bulkStarted = process.hrtime.bigint();
    for (let c = 0; c < options.bulkCalls; c++) {
      const who = listeners[c % listeners.length];
      const items = Array.from({ length: options.bulkItems }, (_, i) => ({
        trackId: `bench-${(c * 31 + i) % 1000}`,
        type: i % 5 === 0 ? 'like' : 'play',
      }));
      const accepted = await call('POST', `/v1/listeners/${who.listenerId}/history`, { items }, who.token);
      lastPosition = accepted.position;
    }
    const bulkSeconds = Number(process.hrtime.bigint() - bulkStarted) / 1e9;
    const bulkCpuMs = cpu() - bulkCpuBefore;
    const bulkEvents = options.bulkCalls * options.bulkItems;
    const who = listeners[Math.max(options.bulkCalls - 1, 0) % listeners.length];
    await call(
      'GET',
      `/v1/listeners/${who.listenerId}/profile?minPosition=${lastPosition}`,
      undefined,
      who.token,
    );
    const foldedSeconds = Number(process.hrtime.bigint() - bulkStarted) / 1e9;

    const single = [];
    for (const ratePerSecond of options.ratesPerSecond) {
      log(`single interactions: ${ratePerSecond}/s for ${options.seconds}s`);
      single.push(await fixedRate(base, listeners, ratePerSecond, options.seconds, cpu));
    }
    return {
      bulk: {
        events: bulkEvents,
        acceptedPerSecond: round(bulkEvents / bulkSeconds),
        foldedIntoProfilesPerSecond: round(bulkEvents / foldedSeconds),
        serverMainThreadMicrosPerEvent: Number.isNaN(bulkCpuMs)
          ? undefined
          : round((bulkCpuMs * 1000) / bulkEvents, 1),
      },
      single,
      loadAverage: { before: loadBefore, after: loadavg().map((x) => round(x, 2)) },
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForReady(base: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`edge server exited:\n${output()}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`edge server not ready:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function retry<T>(work: () => Promise<T>, attempts = 100): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The load's own client: node:http on kept-alive sockets. `fetch` cost the
 * client ~1 ms a request on this machine, which showed up as server latency.
 */
function poster(base: string) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  return (path: string, body: unknown, token: string) =>
    new Promise<void>((resolve, reject) => {
      const text = JSON.stringify(body);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            (res.statusCode ?? 500) < 400 ? resolve() : reject(new Error(`${path} -> ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(text);
    });
}

// Keeps time for the load on its own thread: Atomics.wait sleeps to within a few microseconds without
// spinning, and each tick wakes the main thread to send one request. Timers alone fire up to a
// millisecond late (counted as server latency); spinning on the event loop took a whole core.
const TICKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { startAt, intervalMs, total } = workerData;
const cell = new Int32Array(new SharedArrayBuffer(4));
for (let i = 0; i < total; i++) {
  const wait = startAt + i * intervalMs - (performance.timeOrigin + performance.now());
  if (wait > 0) Atomics.wait(cell, 0, 0, wait);
  parentPort.postMessage(i);
}
`;

/**
 * CPU time of the server's main thread so far, in ms (Linux: /proc; NaN elsewhere). Unlike wall
 * time it barely moves when other jobs share the machine, so it says what a request costs.
 */
function mainThreadCpu(pid: number | undefined): () => number {
  return () => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 per second on Linux)
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN;
    }
  };
}

/** Untimed seconds at the run's rate before each fixed-rate run. */
const WARM_UP_SECONDS = 3;

/** Milliseconds since the epoch, comparable across threads (each has its own `performance.now()` origin). */
const now = () => performance.timeOrigin + performance.now();

/** Calls `send(i)` at `startAt + i * intervalMs` for i < total; resolves when every call has settled. */
function onSchedule(startAt: number, intervalMs: number, total: number, send: (i: number) => Promise<void>) {
  return new Promise<void>((resolve, reject) => {
    const ticker = new Worker(TICKER, { eval: true, workerData: { startAt, intervalMs, total } });
    const sent: Promise<void>[] = [];
    ticker.on('message', (i: number) => sent.push(send(i)));
    ticker.on('error', reject);
    ticker.on('exit', () => void Promise.all(sent).then(() => resolve(), reject));
  });
}

/**
 * Open loop: each request leaves at its own time, whatever the earlier ones
 * are doing, so a stall shows in the latencies. A few seconds at the same
 * rate, untimed, go first: connections, and the server's JIT, whose
 * optimising compiles and deopts stalled it for 5-8 ms at a time for about
 * two seconds after the load began (seen with an event-loop stall probe).
 */
async function fixedRate(
  base: string,
  listeners: { listenerId: string; token: string }[],
  ratePerSecond: number,
  seconds: number,
  cpu: () => number,
) {
  const post = poster(base);
  const send = (i: number) => {
    const listener = listeners[i % listeners.length];
    return post(
      `/v1/listeners/${listener.listenerId}/interactions`,
      { trackId: `bench-${i % 1000}`, type: 'play' },
      listener.token,
    );
  };
  const interval = 1000 / ratePerSecond;
  await onSchedule(now() + 10, interval, ratePerSecond * WARM_UP_SECONDS, (i) => send(i).catch(() => undefined));

  const latencies: number[] = [];
  let errors = 0;
  const total = ratePerSecond * seconds;
  const timeline: string[] | undefined = process.env.QFZZ_BENCH_TIMELINE ? [] : undefined;
  const started = now() + 10;
  const cpuBefore = cpu();
  await onSchedule(started, interval, total, (i) =>
    send(i).then(
      () => {
        latencies.push(now() - (started + i * interval));
        timeline?.push(`${i} ${(now() - (started + i * interval)).toFixed(2)}`);
      },
      () => void errors++,
    ),
  );
  const cpuMs = cpu() - cpuBefore;
  // QFZZ_BENCH_TIMELINE=FILE writes each request's latency by its index (to see stalls as clusters).
  if (timeline && process.env.QFZZ_BENCH_TIMELINE)
    writeFileSync(process.env.QFZZ_BENCH_TIMELINE, timeline.join('\n'));
  const summary = latencySummary(latencies);
  return {
    targetRatePerSecond: ratePerSecond,
    achievedRatePerSecond: round(total / ((now() - started) / 1000)),
    serverMainThreadMicrosPerRequest: Number.isNaN(cpuMs) ? undefined : round((cpuMs * 1000) / total, 1),
    requests: total,
    errors,
    latencyMs: {
      samples: summary.samples,
      p50: round(summary.p50, 2),
      p90: round(summary.p90, 2),
      p99: round(summary.p99, 2),
      max: round(summary.max, 2),
    },
  };
}
