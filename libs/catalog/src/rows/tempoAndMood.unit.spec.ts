import { deriveMood } from './mood';
import { bpmToTempo } from './tempo';

describe('bpmToTempo', () => {
  it.each([
    [60, 'slow'],
    [89.999, 'slow'],
    [90, 'medium'],
    [119.99, 'medium'],
    [120, 'fast'],
    [239.4, 'fast'],
  ])('%p BPM is %p', (bpm, tempo) => {
    expect(bpmToTempo(bpm)).toBe(tempo);
  });

  it('0 BPM (Spotify: not detected), negative and missing are unknown, not slow', () => {
    expect(bpmToTempo(0)).toBeUndefined();
    expect(bpmToTempo(-5)).toBeUndefined();
    expect(bpmToTempo(NaN)).toBeUndefined();
    expect(bpmToTempo(undefined)).toBeUndefined();
  });
});

describe('deriveMood', () => {
  it.each([
    // valence, energy, mood
    [0.9, 0.9, 'energetic'],
    [0.6, 0.6, 'happy'],
    [0.5, 0.5, 'happy'],
    [0.1, 0.9, 'angry'],
    [0.34, 0.7, 'angry'],
    [0.45, 0.8, 'energetic'],
    [0.4, 0.6, 'focused'],
    [0.8, 0.2, 'romantic'],
    [0.6, 0.3, 'calm'],
    [0.2, 0.2, 'sad'],
    [0, 0, 'sad'],
  ])('valence %p, energy %p -> %p', (valence, energy, mood) => {
    expect(deriveMood(valence, energy)).toBe(mood);
  });

  it('needs both: one unknown feature gives no mood (unknown is not zero)', () => {
    expect(deriveMood(undefined, 0.9)).toBeUndefined();
    expect(deriveMood(0.9, undefined)).toBeUndefined();
    expect(deriveMood(undefined, undefined)).toBeUndefined();
  });
});
