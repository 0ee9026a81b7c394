import { Worker } from 'node:worker_threads';
import { sealJson, type SealedData } from './sealedData';

/** One payload to seal: its JSON and the additional data that binds it to its event. */
export interface SealJob {
  json: string;
  associatedData: string;
}

/** How long a thread with nothing to seal stays up (the next bulk import may be a moment away). */
const IDLE_MS = 10_000;

/**
 * The thread's whole program, plain CommonJS (no TypeScript loader in a worker).
 * It is `sealJson` for many payloads at once: AES-256-GCM, a fresh random
 * 96-bit IV each, base64 out. A spec holds the two to the same format by
 * opening what this seals with `unseal`.
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv, randomFillSync } = require('node:crypto');
parentPort.on('message', ({ id, key, jsons, associatedData }) => {
  try {
    const ivs = randomFillSync(Buffer.alloc(12 * jsons.length));
    const parts = new Array(jsons.length * 3);
    for (let i = 0; i < jsons.length; i++) {
      const iv = ivs.subarray(12 * i, 12 * i + 12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(associatedData[i], 'utf8'));
      const ct = Buffer.concat([cipher.update(jsons[i], 'utf8'), cipher.final()]);
      parts[3 * i] = ct.toString('base64');
      parts[3 * i + 1] = iv.toString('base64');
      parts[3 * i + 2] = cipher.getAuthTag().toString('base64');
    }
    parentPort.postMessage({ id, parts });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

interface Reply {
  id: number;
  parts?: string[];
  error?: string;
}

interface Waiting {
  key: Buffer;
  kid: string;
  jobs: readonly SealJob[];
  resolve: (sealed: SealedData[]) => void;
  reject: (error: Error) => void;
}

/**
 * Seals batches of event payloads on a worker thread, so a bulk import's
 * AES-GCM work runs beside the event loop instead of on it: while the thread
 * seals one chunk, the loop writes the chunk before it and serves requests.
 *
 * The thread starts with the first batch and ends after `IDLE_MS` without
 * one; it holds the process open only while a batch is on its way. If it
 * cannot start or dies, the batches it held and every later one are sealed
 * on the caller's thread: slower, never lost.
 */
export class SealingThread {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private idle: NodeJS.Timeout | undefined;

  /** Whether a thread is up (it starts with the first batch, ends when idle or stopped). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Seals every job with one key; the results are in the jobs' order. */
  seal(key: Buffer, kid: string, jobs: readonly SealJob[]): Promise<SealedData[]> {
    const worker = this.started();
    if (!worker) return Promise.resolve(sealHere(key, kid, jobs));
    const id = this.nextId++;
    const sealed = new Promise<SealedData[]>((resolve, reject) =>
      this.waiting.set(id, { key, kid, jobs, resolve, reject }),
    );
    worker.ref();
    worker.postMessage({
      id,
      key,
      jsons: jobs.map((job) => job.json),
      associatedData: jobs.map((job) => job.associatedData),
    });
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
    return sealed;
  }

  /** Ends the thread; batches still on it are sealed here first. The next `seal` starts another. */
  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const worker = this.worker;
    this.worker = undefined;
    this.sealWaitingHere();
    if (worker) void worker.terminate();
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(THREAD_SOURCE, { eval: true, execArgv: [] });
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', () => this.fail(worker));
      worker.on('exit', () => this.fail(worker));
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  private settle(reply: Reply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    const { parts } = reply;
    if (!parts) return waiting.reject(new Error(`sealing thread: ${reply.error ?? 'no reply'}`));
    waiting.resolve(
      waiting.jobs.map((_, i) => ({
        alg: 'A256GCM',
        ct: parts[3 * i],
        iv: parts[3 * i + 1],
        kid: waiting.kid,
        qfzzSealed: 1,
        tag: parts[3 * i + 2],
      })),
    );
  }

  private fail(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.broken = true;
    this.sealWaitingHere();
  }

  private sealWaitingHere(): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { key, kid, jobs, resolve, reject } of waiting) {
      try {
        resolve(sealHere(key, kid, jobs));
      } catch (error) {
        reject(error as Error);
      }
    }
  }
}

function sealHere(key: Buffer, kid: string, jobs: readonly SealJob[]): SealedData[] {
  return jobs.map((job) => sealJson(key, kid, job.json, job.associatedData));
}
