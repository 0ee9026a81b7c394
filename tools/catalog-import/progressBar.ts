export interface ProgressState {
  phase: 'reading' | 'validating' | 'writing' | 'done';
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Tracks written to the log so far, of `toWrite`. */
  written: number;
  toWrite: number;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const WIDTH = 24;

/**
 * A one-line live progress bar on stderr: rows read, accepted, rejected and
 * rows/s, redrawn in place (at most every `intervalMs`) on a terminal; on a
 * pipe or a log file, one line per phase instead of a stream of `\r`.
 */
export class ProgressBar {
  private lastDraw = -Infinity;
  private lastPhase: ProgressState['phase'] | undefined;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly startedAt: number,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = 100,
  ) {}

  update(state: ProgressState, force = false): void {
    const t = this.now();
    const phaseChanged = state.phase !== this.lastPhase;
    if (this.stream.isTTY) {
      if (!force && !phaseChanged && t - this.lastDraw < this.intervalMs) return;
      const line = this.render(state, t);
      const width = this.stream.columns ?? 120;
      this.stream.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
      this.drawn = true;
    } else if (phaseChanged || force) {
      this.stream.write(`${this.render(state, t)}\n`);
    }
    this.lastDraw = t;
    this.lastPhase = state.phase;
  }

  /** Ends the live line so what follows starts on its own line. */
  finish(state: ProgressState): void {
    this.update(state, true);
    if (this.stream.isTTY && this.drawn) this.stream.write('\n');
  }

  render(state: ProgressState, t: number = this.now()): string {
    const seconds = Math.max((t - this.startedAt) / 1000, 1e-3);
    const rate = Math.round(state.rowsRead / seconds);
    const share = state.phase === 'done' ? 1 : state.toWrite > 0 ? state.written / state.toWrite : 0;
    const filled = Math.round(share * WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
    return (
      `${bar} ${String(Math.round(share * 100)).padStart(3)}% ${state.phase.padEnd(10)} ` +
      `${fmt(state.rowsRead)} rows read · ${fmt(state.accepted)} accepted · ${fmt(state.rejected)} rejected · ` +
      `${fmt(rate)} rows/s`
    );
  }
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
