import { formatCount, ProgressBar, type ProgressSnapshot } from '@qfzz/terminal';

export interface ProgressState {
  phase: 'reading' | 'validating' | 'writing' | 'done';
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Tracks written to the log so far, of `toWrite`. */
  written: number;
  toWrite: number;
}

/** Where the CLI writes: process streams, or a capture in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** An import's progress in the shape of the shared terminal progress bar. */
export function importSnapshot(state: ProgressState): ProgressSnapshot {
  return {
    label: state.phase,
    done: state.phase === 'done' ? state.toWrite : state.written,
    total: state.toWrite,
    detail: `${formatCount(state.rowsRead)} rows read · ${formatCount(state.accepted)} accepted · ${formatCount(state.rejected)} rejected`,
  };
}

export function importProgressBar(stream: ProgressStream, now: () => number): ProgressBar {
  return new ProgressBar({
    unit: 'tracks',
    stream: stream as NodeJS.WritableStream & ProgressStream,
    now,
    redrawIntervalMs: 100,
  });
}
