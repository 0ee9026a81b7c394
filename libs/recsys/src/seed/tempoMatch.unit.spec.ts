import { tempoMatch } from './tempoMatch';

describe('tempoMatch', () => {
  it.each([
    ['medium', 'medium', 1],
    ['varied', 'fast', 0.7],
    ['slow', 'medium', 0.5],
    ['fast', 'medium', 0.5],
    ['slow', 'fast', 0],
    ['fast', 'slow', 0],
    ['slow', undefined, 0.5],
  ] as const)('preference %s, track %s -> %s', (preference, tempo, expected) => {
    expect(tempoMatch(preference, tempo)).toBe(expected);
  });
});
