import type { CandidateTrack } from '../taste/candidateTrack';
import type { ListenerTaste } from '../taste/listenerTaste';
import { discoveryPickCount, discoverySplit } from './discoverySplit';

const taste: ListenerTaste = {
  genres: { rock: 1 },
  artists: { Björk: 0.8 },
  moods: {},
  energyLevel: 0.5,
  tempoPreference: 'varied',
  discoveryFactor: 0.3,
};

/** 10 familiar tracks (rock, or by Björk) and 10 unfamiliar ones (new genre and new artist). */
const familiar: CandidateTrack[] = Array.from({ length: 10 }, (_, i) =>
  i % 2 === 0
    ? { trackId: `f${i}`, artist: `Band ${i}`, genre: 'rock', energy: i / 10 }
    : { trackId: `f${i}`, artist: 'Björk', genre: 'art pop', energy: i / 10 },
);
const unfamiliar: CandidateTrack[] = Array.from({ length: 10 }, (_, i) => ({
  trackId: `u${i}`,
  artist: `Stranger ${i}`,
  genre: 'ambient',
  energy: i / 10,
}));
const catalog = [...familiar, ...unfamiliar];

describe('discoverySplit: the seed playlist', () => {
  it('round(n × d) picks are discoveries: 10 × 0.3 = 3', () => {
    expect(discoveryPickCount(10, 0.3)).toBe(3);
    const picks = discoverySplit(taste, catalog, 10);
    expect(picks).toHaveLength(10);
    expect(picks.filter((p) => p.discovery)).toHaveLength(3);
    for (const p of picks) expect(p.trackId.startsWith('u')).toBe(p.discovery);
  });

  it('discovery 0.0 plays only the familiar', () => {
    const picks = discoverySplit({ ...taste, discoveryFactor: 0 }, catalog, 8);
    expect(picks.every((p) => !p.discovery && p.trackId.startsWith('f'))).toBe(true);
  });

  it('discovery 1.0 plays only discoveries', () => {
    const picks = discoverySplit({ ...taste, discoveryFactor: 1 }, catalog, 8);
    expect(picks.every((p) => p.discovery && p.trackId.startsWith('u'))).toBe(true);
  });

  it('takes the best-scored tracks within each pool', () => {
    // Energy closest to 0.5 scores best; among unfamiliar tracks that is u5, then u4 and u6.
    const picks = discoverySplit(taste, catalog, 10);
    expect(
      picks
        .filter((p) => p.discovery)
        .map((p) => p.trackId)
        .sort(),
    ).toEqual(['u4', 'u5', 'u6']);
  });

  it('fills from the other pool when one runs dry', () => {
    const picks = discoverySplit({ ...taste, discoveryFactor: 1 }, [...familiar, unfamiliar[0]], 4);
    expect(picks).toHaveLength(4);
    expect(picks.filter((p) => p.discovery)).toHaveLength(1);
  });

  it('never returns more than the catalog holds, and is ordered by score', () => {
    const picks = discoverySplit(taste, catalog.slice(0, 3), 10);
    expect(picks).toHaveLength(3);
    for (let i = 1; i < picks.length; i++) expect(picks[i - 1].score).toBeGreaterThanOrEqual(picks[i].score);
  });
});
