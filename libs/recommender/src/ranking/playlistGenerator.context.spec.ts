import { fixtureIndex, fixtureProfile } from '../testing/catalogFixture';
import { contextTarget, normaliseActivity } from './listeningContext';
import { PlaylistGenerator } from './playlistGenerator';

const meanEnergy = (picks: { row: number }[], energy: ArrayLike<number>) =>
  picks.reduce((sum, p) => sum + energy[p.row], 0) / picks.length;

describe('PlaylistGenerator: context', () => {
  const index = fixtureIndex();
  const generator = new PlaylistGenerator(index);
  const profile = fixtureProfile();
  const energy = index.columns().energy;

  it('working_out yields clearly higher mean energy than winding_down for the same listener', () => {
    const workout = generator.generate(profile, { size: 20, activity: 'working_out' });
    const windDown = generator.generate(profile, { size: 20, activity: 'winding_down' });
    const neutral = generator.generate(profile, { size: 20 });
    expect(meanEnergy(workout, energy)).toBeGreaterThan(meanEnergy(windDown, energy) + 0.35);
    expect(meanEnergy(workout, energy)).toBeGreaterThan(meanEnergy(neutral, energy));
    expect(meanEnergy(windDown, energy)).toBeLessThan(meanEnergy(neutral, energy));
    expect(workout.map((p) => p.reason)).toContain('high energy for your workout');
    expect(windDown.map((p) => p.reason)).toContain('calm, for winding down');
  });

  it('a session mood pulls its own mood in, and says so', () => {
    const calm = generator.generate(profile, { size: 20, mood: 'calm', discovery: 0 });
    const moods = calm.map((p) => index.trackAt(p.row).mood);
    expect(moods.filter((m) => m === 'calm').length).toBeGreaterThanOrEqual(8);
    expect(calm.map((p) => p.reason)).toContain('matches your calm mood');
  });

  it('the hour bends energy: small hours calmer than the afternoon', () => {
    const night = generator.generate(profile, { size: 20, hour: 2, discovery: 0 });
    const afternoon = generator.generate(profile, { size: 20, hour: 16, discovery: 0 });
    expect(meanEnergy(night, energy)).toBeLessThan(meanEnergy(afternoon, energy));
  });

  it('activities are understood in the words people use; unknown ones add no context', () => {
    expect(normaliseActivity('Working out')).toBe('working_out');
    expect(normaliseActivity('workout')).toBe('working_out');
    expect(normaliseActivity('winding-down')).toBe('winding_down');
    expect(normaliseActivity('knitting')).toBeUndefined();
    expect(contextTarget({ activity: 'knitting' }).strength).toBe(0);
    expect(contextTarget({ activity: 'studying' }).energy).toBeCloseTo(0.35, 6);
  });
});
