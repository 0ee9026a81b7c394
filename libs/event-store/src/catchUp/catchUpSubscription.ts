import type { RecordedEvent } from '@qfzz/domain';
import { DEFAULT_READ_BATCH, type EventStore } from '../eventStore';

export interface CatchUpOptions {
  /** Start after this position (a stored checkpoint); 0 replays the whole log. */
  after: number;
  /** Handles one ordered batch; the checkpoint moves only after it resolves. */
  handle: (events: RecordedEvent[], nextPosition: number) => void | Promise<void>;
  batchSize?: number;
  /** How often to look for appends by other processes when the local hint stays quiet. */
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
  /**
   * After the log goes quiet, how long to let new appends gather before
   * reading again (default 0: read at once). A follower whose work is per
   * stream and per batch (a profile write) does far less work per event when
   * a busy stream's events come in one batch. A `waitFor` or `stop` cuts the
   * wait short, so only work nobody is waiting for is delayed.
   */
  lingerMs?: number;
  /**
   * Ends a linger early once this process has appended this many positions
   * past the checkpoint (a bulk import), so what the follower reads next is
   * still in the log's in-memory tail. Default: no limit.
   */
  lingerMaxEvents?: number;
  /** Runs once the loop has stopped, with the position handled up to (e.g. to store a last checkpoint). */
  onStopped?: (position: number) => void | Promise<void>;
}

/**
 * Reads the log in position order from a checkpoint, then follows it live.
 * It relies on `EventStore.readAll` never returning an event while a smaller
 * position may still commit, so the checkpoint can only move forward.
 */
export class CatchUpSubscription {
  private checkpoint: number;
  private running = false;
  private wake: (() => void) | undefined;
  /** Ends the current linger early (set only while lingering). */
  private endLinger: (() => void) | undefined;
  /** The last position this process's appends reported (local hints only). */
  private appendedUpTo = 0;
  /** `lingerMaxEvents`, or no limit. */
  private readonly lingerMaxEvents: number;
  /** Set by an append hint that arrived while we were reading, so the next sleep is skipped. */
  private hinted = false;
  private loop: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly caughtUpWaiters: { position: number; resolve: () => void }[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly options: CatchUpOptions,
  ) {
    this.checkpoint = options.after;
    this.lingerMaxEvents = options.lingerMaxEvents ?? Number.POSITIVE_INFINITY;
  }

  get position(): number {
    return this.checkpoint;
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    this.unsubscribe = this.store.onAppended((lastPosition) => {
      this.hinted = true;
      this.appendedUpTo = Math.max(this.appendedUpTo, lastPosition);
      this.wake?.();
      if (lastPosition - this.checkpoint >= this.lingerMaxEvents) this.endLinger?.();
    });
    this.loop = this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    this.endLinger?.();
    await this.loop;
    await this.options.onStopped?.(this.checkpoint);
  }

  /** Resolves once every event up to `position` has been handled. */
  waitFor(position: number): Promise<void> {
    if (this.checkpoint >= position) return Promise.resolve();
    const waiting = new Promise<void>((resolve) => this.caughtUpWaiters.push({ position, resolve }));
    this.endLinger?.();
    return waiting;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_READ_BATCH;
    const pollIntervalMs = this.options.pollIntervalMs ?? 100;
    while (this.running) {
      this.hinted = false;
      try {
        const batch = await this.store.readAll({ after: this.checkpoint, limit: batchSize });
        if (batch.events.length > 0) await this.options.handle(batch.events, batch.nextPosition);
        this.checkpoint = batch.nextPosition;
        this.releaseWaiters();
        // A short batch read everything committed when it started; an append since then has set `hinted`,
        // so the sleep below returns at once. Reading again right away would mostly find nothing.
        if (batch.events.length === batchSize) continue;
      } catch (error) {
        if (!this.running) return;
        this.options.onError?.(error);
      }
      await this.sleep(pollIntervalMs);
      await this.linger();
    }
  }

  private linger(): Promise<void> {
    const ms = this.options.lingerMs ?? 0;
    if (ms <= 0 || !this.running || this.caughtUpWaiters.length > 0) return Promise.resolve();
    if (this.appendedUpTo - this.checkpoint >= this.lingerMaxEvents) return Promise.resolve();
    return wakeableDelay(ms, (wake) => (this.endLinger = wake));
  }

  private releaseWaiters() {
    for (let i = this.caughtUpWaiters.length - 1; i >= 0; i--) {
      if (this.caughtUpWaiters[i].position <= this.checkpoint) {
        this.caughtUpWaiters[i].resolve();
        this.caughtUpWaiters.splice(i, 1);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.hinted || !this.running) return Promise.resolve();
    return wakeableDelay(ms, (wake) => (this.wake = wake));
  }
}

/** Resolves after `ms`, or when the function handed to `expose` is called; `expose(undefined)` once over. */
function wakeableDelay(ms: number, expose: (wake: (() => void) | undefined) => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      expose(undefined);
      resolve();
    };
    const timer = setTimeout(done, ms);
    expose(done);
  });
}
