import { foldTasteProfile } from './evolveTasteProfile';
import { aTrack, listenerStream } from './listenerStream.fixture';
import { DEFAULT_ENERGY_LEVEL } from './tasteProfile';

describe('TasteProfile energy level drifts toward well-received tracks', () => {
  it('starts at 0.5', () => {
    expect(DEFAULT_ENERGY_LEVEL).toBe(0.5);
    expect(foldTasteProfile('ann', []).energyLevel).toBe(0.5);
  });

  it.each([
    ['TrackPlayed', {}],
    ['TrackLiked', {}],
    ['TrackFavorited', {}],
    ['TrackRated', { rating: 0.8 }],
  ])('given a track of energy 1, when %s %j, then energy moves a tenth of the way: 0.55', (type, extra) => {
    const { events } = listenerStream().add(type, { track: aTrack({ energy: 1 }), ...extra });

    expect(foldTasteProfile('ann', events).energyLevel).toBeCloseTo(0.55, 12);
  });

  it.each([
    ['TrackSkipped', {}],
    ['TrackRated', { rating: 0.5 }],
    ['TrackRated', { rating: 0.1 }],
  ])('given a track of energy 1, when %s %j, then energy stays', (type, extra) => {
    const { events } = listenerStream().add(type, { track: aTrack({ energy: 1 }), ...extra });

    expect(foldTasteProfile('ann', events).energyLevel).toBe(0.5);
  });

  it('given a track of unknown energy, when liked, then energy stays: unknown is not zero', () => {
    const { events } = listenerStream().add('TrackLiked', { track: aTrack({ energy: undefined }) });

    expect(foldTasteProfile('ann', events).energyLevel).toBe(0.5);
  });

  it('given several calm tracks liked, when folded, then energy approaches theirs step by step', () => {
    const { events } = listenerStream()
      .add('TrackLiked', { track: aTrack({ energy: 0 }) })
      .add('TrackLiked', { track: aTrack({ energy: 0 }) });

    // 0.5 -> 0.45 -> 0.405
    expect(foldTasteProfile('ann', events).energyLevel).toBeCloseTo(0.405, 12);
  });

  it('given a stated energy level, when a track is played, then it drifts from the stated level', () => {
    const { events } = listenerStream()
      .add('PreferencesStated', { energyLevel: 0.9 })
      .add('TrackPlayed', { track: aTrack({ energy: 0.4 }) });

    expect(foldTasteProfile('ann', events).energyLevel).toBeCloseTo(0.85, 12);
  });
});
