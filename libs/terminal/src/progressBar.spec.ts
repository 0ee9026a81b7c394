import { PassThrough } from 'node:stream';
import { formatDuration, ProgressBar } from './progressBar';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream, text: () => text };
}

describe('ProgressBar', () => {
  it('shows share, counts, rate and ETA', () => {
    let t = 0;
    const bar = new ProgressBar({ unit: 'events', stream: capture(false).stream, now: () => t });
    t = 2000;
    expect(bar.render({ done: 50_000, total: 200_000, label: 'rebuilding' })).toBe(
      'rebuilding   [######..................]  25.0%  50,000/200,000 events  25,000 events/s  ETA 6s',
    );
    expect(bar.render({ done: 10, rate: 5 })).toBe('10 events  5 events/s');
    expect(bar.render({ done: 10, rate: 5, detail: '3 rejected' })).toBe('10 events  5 events/s  3 rejected');
  });

  it('redraws one line in place on a terminal', () => {
    const out = capture(true);
    const bar = new ProgressBar({ unit: 'rows', stream: out.stream });
    bar.update({ done: 1, total: 2 });
    bar.update({ done: 2, total: 2 });
    bar.done({ done: 2, total: 2 });
    expect(out.text().split('\r')).toHaveLength(4);
    expect(out.text().endsWith('\n')).toBe(true);
    expect(out.text().split('\n')).toHaveLength(2);
  });

  it('prints calm plain lines into a log', () => {
    let t = 0;
    const out = capture(false);
    const bar = new ProgressBar({ unit: 'rows', stream: out.stream, now: () => t, lineIntervalMs: 1000 });
    for (t = 0; t < 3000; t += 100) bar.update({ done: t, total: 3000 });
    expect(out.text().trim().split('\n')).toHaveLength(3);
    expect(out.text()).not.toContain('\r');
    bar.update({ done: 3000, total: 3000, label: 'writing' });
    expect(out.text().trim().split('\n')).toHaveLength(4);
  });

  it('formats durations', () => {
    expect([formatDuration(5), formatDuration(65), formatDuration(3725)]).toEqual(['5s', '1m05s', '1h02m']);
  });
});
