import { tasteKey } from '@qfzz/recsys';
import { fixtureIndex, fixtureProfile } from '../testing/catalogFixture';
import { PlaylistGenerator } from './playlistGenerator';

describe('PlaylistGenerator: discovery factor', () => {
  const index = fixtureIndex();
  const generator = new PlaylistGenerator(index);
  const profile = fixtureProfile();
  const familiar = (p: { genre: string; artist: string }) =>
    tasteKey(p.genre) in profile.genres || p.artist in profile.artists;

  it('discovery 0.0 plays only tracks of genres or artists the listener knows', () => {
    const picks = generator.generate(profile, { size: 20, discovery: 0 });
    expect(picks).toHaveLength(20);
    for (const p of picks) {
      expect(p.discovery).toBe(false);
      expect(familiar(p)).toBe(true);
    }
  });

  it('discovery 1.0 plays only exploration picks: new genre and new artist, each said so', () => {
    const picks = generator.generate(profile, { size: 20, discovery: 1 });
    expect(picks).toHaveLength(20);
    for (const p of picks) {
      expect(p.discovery).toBe(true);
      expect(familiar(p)).toBe(false);
      expect(p.reason).toBe(`a discovery pick in ${p.genre}`);
    }
    // The bandit spreads exploration over several new genres rather than one.
    expect(new Set(picks.map((p) => p.genre)).size).toBeGreaterThanOrEqual(4);
  });

  it('round(size × discovery) picks are discoveries: 10 × 0.3 = 3', () => {
    const picks = generator.generate(profile, { size: 10, discovery: 0.3 });
    expect(picks.filter((p) => p.discovery)).toHaveLength(3);
  });

  it('without a requested factor, the profile’s matured factor decides: a new listener explores less', () => {
    const seasoned = generator.generate(fixtureProfile({ discoveryFactor: 0.5, interactionCount: 1000 }), {
      size: 20,
    });
    const fresh = generator.generate(fixtureProfile({ discoveryFactor: 0.5, interactionCount: 0 }), {
      size: 20,
    });
    expect(seasoned.filter((p) => p.discovery)).toHaveLength(10);
    expect(fresh.filter((p) => p.discovery)).toHaveLength(5);
  });

  it('the same request gives the same playlist; another seed explores differently', () => {
    const once = generator.generate(profile, { size: 20, discovery: 1, seed: 1 }).map((p) => p.trackId);
    const again = generator.generate(profile, { size: 20, discovery: 1, seed: 1 }).map((p) => p.trackId);
    const other = generator.generate(profile, { size: 20, discovery: 1, seed: 2 }).map((p) => p.trackId);
    expect(again).toEqual(once);
    expect(other).not.toEqual(once);
  });

  it('a listener with an empty profile still gets a full playlist (everything is new to them)', () => {
    const picks = generator.generate(fixtureProfile({ genres: {}, artists: {}, moods: {} }), {
      size: 20,
      discovery: 0,
    });
    expect(picks).toHaveLength(20);
  });
});
