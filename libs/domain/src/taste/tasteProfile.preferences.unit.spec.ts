import { foldTasteProfile } from './evolveTasteProfile';
import { listenerStream } from './listenerStream.fixture';

describe('TasteProfile takes stated preferences', () => {
  it('given weighted maps, when stated, then the given keys are set and the others kept', () => {
    const { events } = listenerStream()
      .add('PreferencesStated', { genres: { rock: 0.2, jazz: 0.4 }, artists: { Björk: 0.9 } })
      .add('PreferencesStated', { genres: { jazz: 0.8 }, moods: { calm: 0.7 } });

    const profile = foldTasteProfile('ann', events);

    expect(profile.genres).toEqual({ rock: 0.2, jazz: 0.8 });
    expect(profile.artists).toEqual({ Björk: 0.9 });
    expect(profile.moods).toEqual({ calm: 0.7 });
  });

  it('keys stated genres and moods lower-case, as tracks are keyed', () => {
    const { events } = listenerStream().add('PreferencesStated', {
      genres: { ' Jazz ': 0.8 },
      moods: { Calm: 0.6 },
    });

    const profile = foldTasteProfile('ann', events);

    expect(profile.genres).toEqual({ jazz: 0.8 });
    expect(profile.moods).toEqual({ calm: 0.6 });
  });

  it('given energy, tempo and discovery, when stated, then each is set', () => {
    const { events } = listenerStream().add('PreferencesStated', {
      energyLevel: 0.8,
      tempoPreference: 'fast',
      discoveryFactor: 0.6,
    });

    expect(foldTasteProfile('ann', events)).toMatchObject({
      energyLevel: 0.8,
      tempoPreference: 'fast',
      discoveryFactor: 0.6,
    });
  });

  it('given nothing about energy, tempo or discovery, when stated, then the defaults stay', () => {
    const { events } = listenerStream().add('PreferencesStated', { genres: { jazz: 0.8 } });

    expect(foldTasteProfile('ann', events)).toMatchObject({
      energyLevel: 0.5,
      tempoPreference: 'varied',
      discoveryFactor: 0.3,
    });
  });

  it('given a list of words, when stated, then each becomes a genre nudged like a like', () => {
    const { events } = listenerStream().add('PreferencesStated', { words: ['jazz', 'deep house'] });

    expect(foldTasteProfile('ann', events).genres).toEqual({ jazz: 0.6, 'deep house': 0.6 });
  });

  it('given the same word said several ways, when stated, then it counts once', () => {
    const { events } = listenerStream().add('PreferencesStated', {
      words: ['Jazz', ' jazz ', 'JAZZ', '', '  '],
    });

    expect(foldTasteProfile('ann', events).genres).toEqual({ jazz: 0.6 });
  });

  it('given words stated twice in two events, when folded, then each statement counts', () => {
    const { events } = listenerStream()
      .add('PreferencesStated', { words: ['jazz'] })
      .add('PreferencesStated', { words: ['jazz'] });

    expect(foldTasteProfile('ann', events).genres.jazz).toBeCloseTo(0.7, 12);
  });

  it('given a weight and a word for the same genre, when stated together, then the word nudges the given weight', () => {
    const { events } = listenerStream().add('PreferencesStated', { genres: { jazz: 0.8 }, words: ['jazz'] });

    expect(foldTasteProfile('ann', events).genres.jazz).toBeCloseTo(0.9, 12);
  });

  it('given a word at the top already, when stated again, then it stays at 1', () => {
    const { events } = listenerStream().add('PreferencesStated', { genres: { jazz: 0.95 }, words: ['jazz'] });

    expect(foldTasteProfile('ann', events).genres.jazz).toBe(1);
  });

  it('given a stated word, when a track of that genre is played, then both add up', () => {
    const { events } = listenerStream()
      .add('PreferencesStated', { words: ['Jazz'] })
      .add('TrackPlayed', { track: { trackId: 't1', genre: 'jazz', artist: 'A' } });

    expect(foldTasteProfile('ann', events).genres.jazz).toBeCloseTo(0.65, 12);
  });
});
