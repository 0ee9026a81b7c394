import { ProgressBar, type ProgressState } from './progressBar';

const state: ProgressState = {
  phase: 'writing',
  rowsRead: 2000,
  accepted: 1500,
  rejected: 3,
  written: 750,
  toWrite: 1500,
};

describe('ProgressBar', () => {
  it('shows rows read, accepted, rejected and rows/s with a bar of what is written', () => {
    const bar = new ProgressBar({ write: () => undefined }, 0, () => 1000);
    expect(bar.render(state)).toBe(
      '[############------------]  50% writing    2,000 rows read · 1,500 accepted · 3 rejected · 2,000 rows/s',
    );
  });

  it('redraws one line in place on a terminal, at most every 100 ms unless the phase changes', () => {
    const out: string[] = [];
    let t = 0;
    const bar = new ProgressBar({ write: (s: string) => out.push(s), isTTY: true, columns: 200 }, 0, () => t);
    bar.update(state);
    t = 50;
    bar.update({ ...state, written: 800 });
    t = 200;
    bar.update({ ...state, written: 900 });
    bar.finish({ ...state, phase: 'done', written: 1500 });
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3).every((s) => s.startsWith('\r['))).toBe(true);
    expect(out[1]).toContain(' 60% writing');
    expect(out[2]).toContain('100% done');
    expect(out[3]).toBe('\n');
  });

  it('writes one line per phase when stderr is not a terminal', () => {
    const out: string[] = [];
    const bar = new ProgressBar({ write: (s: string) => out.push(s) }, 0, () => 10);
    bar.update({ ...state, phase: 'reading' });
    bar.update({ ...state, phase: 'reading', rowsRead: 3000 });
    bar.update(state);
    bar.finish({ ...state, phase: 'done' });
    expect(out.map((line) => line.slice(32, 42).trim())).toEqual(['reading', 'writing', 'done']);
    expect(out.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });
});
