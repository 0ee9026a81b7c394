import type { ListenerTaste } from '../taste/listenerTaste';
import { SEED_SCORE_WEIGHTS, seedScore } from './seedScore';

const taste: ListenerTaste = {
  genres: { rock: 0.8, jazz: 0.6 },
  artists: { 'Miles Davis': 0.9 },
  moods: { calm: 0.7 },
  energyLevel: 0.6,
  tempoPreference: 'medium',
  discoveryFactor: 0.3,
};

describe('seedScore: the seed formula with worked numbers', () => {
  it('weights sum to 1 so a score stays within 0..1', () => {
    const w = SEED_SCORE_WEIGHTS;
    expect(w.genre + w.artist + w.energy + w.tempo + w.mood).toBeCloseTo(1, 12);
  });

  it('exact genre, unknown artist, close energy, exact tempo, known mood', () => {
    // 0.3×0.8 + 0.25×0 + 0.2×(1−|0.8−0.6|) + 0.15×1 + 0.1×0.7 = 0.24 + 0 + 0.16 + 0.15 + 0.07
    const s = seedScore(taste, {
      trackId: 'a',
      artist: 'Unknown Band',
      genre: 'Rock',
      energy: 0.8,
      tempo: 'medium',
      mood: 'calm',
    });
    expect(s.parts).toEqual({ genre: 0.8, artist: 0, energy: expect.closeTo(0.8, 12), tempo: 1, mood: 0.7 });
    expect(s.score).toBeCloseTo(0.62, 12);
  });

  it('a similar genre counts half its weight; known artist; adjacent tempo; unknown mood is neutral', () => {
    // blues ~ jazz: 0.5×0.6 = 0.3 → 0.3×0.3 + 0.25×0.9 + 0.2×(1−0.3) + 0.15×0.5 + 0.1×0.5
    //   = 0.09 + 0.225 + 0.14 + 0.075 + 0.05
    const s = seedScore(taste, {
      trackId: 'b',
      artist: 'Miles Davis',
      genre: 'blues',
      energy: 0.3,
      tempo: 'slow',
    });
    expect(s.parts.genre).toBeCloseTo(0.3, 12);
    expect(s.score).toBeCloseTo(0.58, 12);
  });

  it('unknown audio features count 0.5; genre, artist and mood the profile never saw count 0', () => {
    // 0 + 0 + 0.2×0.5 + 0.15×0.5 + 0.1×0 = 0.175
    const s = seedScore(taste, { trackId: 'c', artist: 'Nobody', genre: 'techno', mood: 'angry' });
    expect(s.parts).toEqual({ genre: 0, artist: 0, energy: 0.5, tempo: 0.5, mood: 0 });
    expect(s.score).toBeCloseTo(0.175, 12);
  });

  it('an exact genre weight wins over a similar one, even when lower', () => {
    const s = seedScore(
      { ...taste, genres: { rock: 1, punk: 0.2 } },
      { trackId: 'd', artist: 'x', genre: 'punk' },
    );
    expect(s.parts.genre).toBe(0.2);
  });

  it('similarity works both ways: a rock fan half-likes alternative, an alternative fan half-likes rock', () => {
    const rockFan = { ...taste, genres: { rock: 1 } };
    const altFan = { ...taste, genres: { alternative: 1 } };
    expect(seedScore(rockFan, { trackId: 'e', artist: 'x', genre: 'alternative' }).parts.genre).toBe(0.5);
    expect(seedScore(altFan, { trackId: 'f', artist: 'x', genre: 'rock' }).parts.genre).toBe(0.5);
    // Two members of a family are not similar to each other.
    expect(seedScore(altFan, { trackId: 'g', artist: 'x', genre: 'punk' }).parts.genre).toBe(0);
  });
});
