export interface ProgressSnapshot {
  /** Units done so far, and the total when known. */
  done: number;
  total?: number;
  /** Units per second, as the caller measures it (or derived from the start time). */
  rate?: number;
  etaSeconds?: number;
  /** A short word for the phase, e.g. `rebuilding`; a new label is always shown. */
  label?: string;
  /** Extra counts shown after the rate, e.g. `1,500 accepted · 3 rejected`. */
  detail?: string;
}

export interface ProgressBarOptions {
  /** What one unit is called: `events`, `rows`. */
  unit: string;
  /** Where to draw; stderr by default, so stdout stays clean for results. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** On a pipe (CI logs) a full line is printed at most this often (and whenever the label changes). */
  lineIntervalMs?: number;
  /** On a terminal the line is redrawn at most this often (and whenever the label changes). */
  redrawIntervalMs?: number;
  now?: () => number;
}

/**
 * A one-line progress bar for long CLI work: redrawn in place on a terminal,
 * printed as plain lines at a calm pace when the output is a log file.
 */
export class ProgressBar {
  private readonly stream: NonNullable<ProgressBarOptions['stream']>;
  private readonly now: () => number;
  private readonly started: number;
  private lastDrawAt = -Infinity;
  private lastLabel: string | undefined;

  constructor(private readonly options: ProgressBarOptions) {
    this.stream = options.stream ?? process.stderr;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  update(snapshot: ProgressSnapshot): void {
    const now = this.now();
    const interval = this.stream.isTTY
      ? (this.options.redrawIntervalMs ?? 0)
      : (this.options.lineIntervalMs ?? 1000);
    if (snapshot.label === this.lastLabel && now - this.lastDrawAt < interval) return;
    this.lastDrawAt = now;
    this.lastLabel = snapshot.label;
    const line = this.render(snapshot);
    if (this.stream.isTTY) {
      const width = Math.min(this.stream.columns ?? 100, 160) - 1;
      this.stream.write(`\r${line.slice(0, width).padEnd(width)}`);
    } else {
      this.stream.write(`${line}\n`);
    }
  }

  done(snapshot: ProgressSnapshot): void {
    const line = this.render(snapshot);
    this.stream.write(this.stream.isTTY ? `\r${line}\n` : `${line}\n`);
  }

  render({ done, total, rate, etaSeconds, label, detail }: ProgressSnapshot): string {
    const elapsed = Math.max((this.now() - this.started) / 1000, 1e-3);
    const perSecond = rate ?? done / elapsed;
    const parts: string[] = [];
    if (label) parts.push(label.padEnd(11));
    if (total !== undefined && total > 0) {
      const share = Math.min(done / total, 1);
      const width = 24;
      const filled = Math.round(share * width);
      parts.push(
        `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}%`,
      );
      parts.push(`${formatCount(done)}/${formatCount(total)} ${this.options.unit}`);
    } else {
      parts.push(`${formatCount(done)} ${this.options.unit}`);
    }
    parts.push(`${formatCount(Math.round(perSecond))} ${this.options.unit}/s`);
    const eta = etaSeconds ?? (total !== undefined && perSecond > 0 ? (total - done) / perSecond : undefined);
    if (eta !== undefined && Number.isFinite(eta) && !(total !== undefined && done >= total))
      parts.push(`ETA ${formatDuration(eta)}`);
    if (detail) parts.push(detail);
    return parts.join('  ');
  }
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
