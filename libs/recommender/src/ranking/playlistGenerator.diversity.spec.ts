import { fixtureIndex, fixtureProfile, fixtureTracks, interaction } from '../testing/catalogFixture';
import { avoidBackToBackArtists, PlaylistGenerator } from './playlistGenerator';

describe('PlaylistGenerator: diversity and exclusion', () => {
  it('at most 2 tracks per artist in 20 and never the same artist back to back, even for a one-artist fan', () => {
    // 30 tracks by the favourite artist would otherwise fill the list.
    const index = fixtureIndex(fixtureTracks({ tracksPerArtist: 30 }));
    const profile = fixtureProfile({
      artists: { 'Rock Artist 0': 1 },
      genres: { rock: 1, jazz: 0.7, pop: 0.6 },
    });
    const picks = new PlaylistGenerator(index).generate(profile, { size: 20, discovery: 0.2 });
    expect(picks).toHaveLength(20);
    const perArtist = new Map<string, number>();
    for (const p of picks) perArtist.set(p.artist, (perArtist.get(p.artist) ?? 0) + 1);
    expect(Math.max(...perArtist.values())).toBeLessThanOrEqual(2);
    for (let i = 1; i < picks.length; i++) expect(picks[i].artist).not.toBe(picks[i - 1].artist);
    expect(picks.some((p) => p.reason === 'more Rock Artist 0, one of your favourites')).toBe(true);
  });

  it('avoidBackToBackArtists moves a repeat behind the next other artist', () => {
    const list = ['a', 'a', 'b', 'c'].map((artist) => ({ artist }));
    avoidBackToBackArtists(list);
    expect(list.map((p) => p.artist)).toEqual(['a', 'b', 'a', 'c']);
  });

  it('exclude: played leaves out what the listener reacted to; without it the liked tracks come back', () => {
    const index = fixtureIndex();
    const played = ['rock.0.2', 'rock.0.3', 'rock.0.4', 'jazz.1.3', 'rock.1.3'];
    const profile = fixtureProfile({ recentInteractions: played.map((id) => interaction(id, 'favorite')) });
    const generator = new PlaylistGenerator(index);
    const withPlayed = generator.generate(profile, { size: 20, discovery: 0 }).map((p) => p.trackId);
    expect(withPlayed.some((id) => played.includes(id))).toBe(true);
    const fresh = generator
      .generate(profile, { size: 20, discovery: 0, exclude: 'played' })
      .map((p) => p.trackId);
    expect(fresh).toHaveLength(20);
    expect(fresh.filter((id) => played.includes(id))).toEqual([]);
    // Scratch state is reset: the next request without exclusion sees them again.
    expect(generator.generate(profile, { size: 20, discovery: 0 }).map((p) => p.trackId)).toEqual(withPlayed);
  });

  it('every pick has a non-empty reason, in several kinds of words', () => {
    const index = fixtureIndex();
    const generator = new PlaylistGenerator(index);
    const picks = generator.generate(
      fixtureProfile(),
      { size: 30, discovery: 0.3, activity: 'working_out' },
      { social: [{ trackId: 'jazz.2.5', weight: 2, friends: 2 }] },
    );
    expect(picks).toHaveLength(30);
    for (const p of picks) expect(p.reason.trim().length).toBeGreaterThan(0);
    const reasons = picks.map((p) => p.reason);
    expect(reasons.some((r) => r.startsWith('a discovery pick in '))).toBe(true);
    expect(reasons.some((r) => r.includes('one of your favourites'))).toBe(true);
    expect(reasons).toContain('2 friends love this');
  });
});
