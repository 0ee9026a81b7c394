import type { Database } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** How often the background thread folds the write-ahead log back into the database file. */
export const WAL_CHECKPOINT_EVERY_MS = 250;

// The thread's whole program: its own connection to the file, a passive checkpoint now and then.
// Passive never blocks a writer; it copies what it can and syncs the file, here, off the main thread.
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const run = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
};
const timer = setInterval(run, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  run();
  db.close();
  parentPort.postMessage('stopped');
});
`;

/**
 * Moves SQLite's WAL checkpoints off the event loop. By default the
 * connection that commits also checkpoints, every ~1,000 pages, and that
 * includes an fsync of the database file: on this machine's disk a 5-9 ms
 * stall every few hundred appends, which every request in flight then waits
 * out. Here the writer's automatic checkpoint is turned off and a worker
 * thread checkpoints instead. If the thread fails, the writer checkpoints
 * itself again, as before.
 */
export class WalCheckpointer {
  private readonly worker: Worker | undefined;
  private stopped = false;

  constructor(
    private readonly writer: Database,
    file: string,
    everyMs = WAL_CHECKPOINT_EVERY_MS,
  ) {
    try {
      this.worker = new Worker(CHECKPOINT_THREAD, {
        eval: true,
        // Plain JS: none of the parent's loaders (e.g. tsx under tests and npm scripts) is needed.
        execArgv: [],
        workerData: { file, everyMs, driver: require.resolve('better-sqlite3') },
      });
    } catch {
      return; // no thread: the writer keeps checkpointing itself
    }
    this.writer.pragma('wal_autocheckpoint = 0');
    this.worker.unref();
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
  }

  /** Runs a last checkpoint and ends the thread. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (this.stopped || !worker) return;
    this.stopped = true;
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      worker.once('exit', done);
      worker.on('message', (message) => {
        if (message === 'stopped') void worker.terminate().then(done, done);
      });
      worker.postMessage('stop');
    });
  }

  private fallBack() {
    if (this.stopped || !this.writer.open) return;
    this.stopped = true;
    this.writer.pragma('wal_autocheckpoint = 1000');
  }
}
