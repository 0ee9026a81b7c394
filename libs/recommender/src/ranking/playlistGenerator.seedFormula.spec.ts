import { CatalogIndex } from '@qfzz/catalog';
import { seedScore } from '@qfzz/recsys';
import { fixtureProfile } from '../testing/catalogFixture';
import { PlaylistGenerator } from './playlistGenerator';

// The seed's worked numbers (libs/recsys seedScore.spec.ts), reproduced through the columnar scorer.
const profile = fixtureProfile({
  genres: { rock: 0.8, jazz: 0.6 },
  artists: { 'Miles Davis': 0.9 },
  moods: { calm: 0.7 },
  energyLevel: 0.6,
  tempoPreference: 'medium',
});
const tracks = [
  {
    trackId: 'a',
    title: 'A',
    artist: 'Unknown Band',
    genre: 'rock',
    energy: 0.8,
    tempo: 'medium' as const,
    mood: 'calm',
  },
  { trackId: 'b', title: 'B', artist: 'Miles Davis', genre: 'blues', energy: 0.3, tempo: 'slow' as const },
  { trackId: 'c', title: 'C', artist: 'Nobody', genre: 'techno', mood: 'angry' },
];

describe('PlaylistGenerator: the seed formula inside the blend', () => {
  const index = new CatalogIndex();
  index.applyTracks(tracks);
  const onlyContent = new PlaylistGenerator(index, {
    weights: { collaborative: 0, social: 0, popularity: 0 },
  });

  it('content parts and score equal seedScore: 0.62, 0.58 and 0.175', () => {
    const picks = onlyContent.generate(profile, { size: 3, discovery: 0 });
    const byId = new Map(picks.map((p) => [p.trackId, p]));
    const expected = { a: 0.62, b: 0.58, c: 0.175 };
    for (const track of tracks) {
      const pick = byId.get(track.trackId);
      expect(pick).toBeDefined();
      const seed = seedScore(profile, track);
      expect(pick?.components.content).toBeCloseTo(seed.score, 6);
      expect(pick?.components.content).toBeCloseTo(expected[track.trackId as keyof typeof expected], 6);
      for (const part of ['genre', 'artist', 'energy', 'tempo', 'mood'] as const)
        expect(pick?.seedParts[part]).toBeCloseTo(seed.parts[part], 6);
    }
  });

  it('with only the content weight and no context, the score is the seed score and the order follows it', () => {
    const picks = onlyContent.generate(profile, { size: 3, discovery: 0 });
    for (const pick of picks) expect(pick.score).toBeCloseTo(pick.components.content, 4);
    // c is a discovery (new genre, new artist) and fills the slot the familiar pool cannot.
    expect(picks.filter((p) => !p.discovery).map((p) => p.trackId)).toEqual(['a', 'b']);
    expect(picks.find((p) => p.trackId === 'c')?.discovery).toBe(true);
  });

  it('the full blend keeps content as its largest weight', () => {
    const blended = new PlaylistGenerator(index).generate(profile, { size: 3, discovery: 0 });
    const a = blended.find((p) => p.trackId === 'a');
    // 0.5 / 0.92 of the content score, nothing else is known about the track (no popularity, no listening).
    expect(a?.score).toBeCloseTo((0.5 / 0.92) * 0.62, 4);
  });
});
