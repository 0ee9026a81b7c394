import { foldTasteProfile } from './evolveTasteProfile';
import { aTrack, listenerStream } from './listenerStream.fixture';
import { RECENT_INTERACTIONS_LIMIT } from './tasteProfile';

const track = aTrack({ genre: 'jazz', artist: 'Miles Davis', mood: 'calm' });

describe('TasteProfile learns from feedback on tracks', () => {
  it.each([
    ['TrackPlayed', {}, 0.55],
    ['TrackSkipped', {}, 0.45],
    ['TrackLiked', {}, 0.6],
    ['TrackFavorited', {}, 0.7],
    ['TrackRated', { rating: 1 }, 0.6],
    ['TrackRated', { rating: 0 }, 0.4],
    ['TrackRated', { rating: 0.9 }, 0.58],
    ['TrackRated', { rating: 0.5 }, 0.5],
  ])(
    'given a new listener, when %s %j, then genre, artist and mood move from 0.5 to %p',
    (type, extra, weight) => {
      const { events } = listenerStream().add(type, { track, ...extra });

      const profile = foldTasteProfile('ann', events);

      expect(profile.genres.jazz).toBeCloseTo(weight, 12);
      expect(profile.artists['Miles Davis']).toBeCloseTo(weight, 12);
      expect(profile.moods.calm).toBeCloseTo(weight, 12);
    },
  );

  it('given a few reactions, when folded, then the strengths add up', () => {
    const { events } = listenerStream()
      .add('TrackPlayed', { track })
      .add('TrackLiked', { track })
      .add('TrackSkipped', { track: aTrack({ genre: 'jazz', artist: 'Kenny G' }) });

    const profile = foldTasteProfile('ann', events);

    expect(profile.genres.jazz).toBeCloseTo(0.5 + 0.05 + 0.1 - 0.05, 12);
    expect(profile.artists).toEqual({
      'Miles Davis': expect.closeTo(0.65, 12),
      'Kenny G': expect.closeTo(0.45, 12),
    });
    expect(profile.moods.calm).toBeCloseTo(0.65, 12);
  });

  it('given favorites beyond the top, when folded, then weights stop at 1', () => {
    const stream = listenerStream();
    for (let i = 0; i < 5; i++) stream.add('TrackFavorited', { track });

    const profile = foldTasteProfile('ann', stream.events);

    expect(profile.genres.jazz).toBe(1);
    expect(profile.artists['Miles Davis']).toBe(1);
  });

  it('given skips beyond the bottom, when folded, then weights stop at 0', () => {
    const stream = listenerStream();
    for (let i = 0; i < 12; i++) stream.add('TrackSkipped', { track });

    const profile = foldTasteProfile('ann', stream.events);

    expect(profile.genres.jazz).toBe(0);
    expect(profile.moods.calm).toBe(0);
  });

  it('given a weight at 1, when skipped once, then it comes down from 1, not from where it would have been', () => {
    const stream = listenerStream();
    for (let i = 0; i < 4; i++) stream.add('TrackFavorited', { track });
    stream.add('TrackSkipped', { track });

    expect(foldTasteProfile('ann', stream.events).genres.jazz).toBeCloseTo(0.95, 12);
  });

  it('given a track without a mood, when liked, then no mood is learned', () => {
    const { events } = listenerStream().add('TrackLiked', { track: aTrack({ mood: undefined }) });

    expect(foldTasteProfile('ann', events).moods).toEqual({});
  });

  it('keys genres and moods lower-case, and artists exactly as the catalog spells them', () => {
    const { events } = listenerStream().add('TrackLiked', {
      track: aTrack({ genre: 'Hip-Hop', artist: 'A Tribe Called Quest', mood: 'Happy' }),
    });

    const profile = foldTasteProfile('ann', events);

    expect(Object.keys(profile.genres)).toEqual(['hip-hop']);
    expect(Object.keys(profile.artists)).toEqual(['A Tribe Called Quest']);
    expect(Object.keys(profile.moods)).toEqual(['happy']);
  });

  it('reads an old TrackRated in stars as its rating', () => {
    const { events } = listenerStream().add('TrackRated', { track, stars: 5 }, { schemaVersion: 1 });

    expect(foldTasteProfile('ann', events).genres.jazz).toBeCloseTo(0.6, 12);
  });

  it('remembers the last 50 interactions, oldest first, with when they happened', () => {
    const stream = listenerStream();
    for (let i = 1; i <= 60; i++)
      stream.add(i % 2 ? 'TrackPlayed' : 'TrackSkipped', { track: aTrack({ trackId: `t${i}` }) });

    const { recentInteractions } = foldTasteProfile('ann', stream.events);

    expect(recentInteractions).toHaveLength(RECENT_INTERACTIONS_LIMIT);
    expect(recentInteractions[0]).toEqual({
      trackId: 't11',
      type: 'play',
      at: stream.events[10].metadata?.occurredAt,
      genre: 'jazz',
      artist: 'Miles Davis',
    });
    expect(recentInteractions[49]).toMatchObject({ trackId: 't60', type: 'skip' });
  });
});
