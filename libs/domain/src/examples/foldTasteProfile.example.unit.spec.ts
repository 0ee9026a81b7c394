import { trustLevelOf } from '../trust/trustLevel';
import { exampleProfile } from './foldTasteProfile.example';

describe("the README's example", () => {
  it('gives the numbers the README shows', () => {
    const profile = exampleProfile();

    expect(profile.genres.jazz).toBeCloseTo(0.8, 12);
    expect(profile.genres['deep house']).toBeCloseTo(0.6, 12);
    expect(profile.artists['Miles Davis']).toBeCloseTo(0.7, 12);
    expect(profile.energyLevel).toBeCloseTo(0.462, 12);
    expect(profile.trustScore).toBe(0.53);
    expect(trustLevelOf(profile.trustScore)).toBe('friend');
    expect(profile).toMatchObject({ name: 'Ann', version: 5, createdAt: '2025-01-01T08:00:00.000Z' });
  });
});
