import { evolveTasteProfileDraft, foldTasteProfile } from './evolveTasteProfile';
import { aTrack, listenerStream } from './listenerStream.fixture';
import { initialTasteProfile } from './tasteProfile';

describe('folding events read from the log', () => {
  const given = listenerStream()
    .add('TrackLiked', { track: aTrack({ genre: 'jazz', energy: 0.9 }) })
    .add('TrackRated', { track: aTrack({ genre: 'jazz' }), stars: 5 }, { schemaVersion: 1 })
    .add('TrackSkipped', { track: aTrack({ genre: 'rock', artist: 'Band' }) }, { schemaVersion: 1 }).events;

  it('gives the same profile as the validating fold', () => {
    let draft = initialTasteProfile('ada', '2025-01-01T00:00:00.000Z');
    for (const event of given) draft = evolveTasteProfileDraft(draft, event, { fromLog: true });
    expect(draft).toEqual(foldTasteProfile('ada', given, '2025-01-01T00:00:00.000Z'));
  });

  it('still upcasts and validates an event stored in an older schema version', () => {
    let draft = initialTasteProfile('ada', '2025-01-01T00:00:00.000Z');
    draft = evolveTasteProfileDraft(draft, given[0], { fromLog: true });
    draft = evolveTasteProfileDraft(draft, given[1], { fromLog: true });
    // 5 stars is a rating of 1.0: (1.0 - 0.5) × 0.2 = +0.1 on top of the like's 0.6.
    expect(draft.genres.jazz).toBeCloseTo(0.7);
    const broken = { type: 'TrackRated', data: { track: aTrack(), stars: 9 }, version: 3, schemaVersion: 1 };
    expect(() => evolveTasteProfileDraft(draft, broken, { fromLog: true })).toThrow(/stars/);
  });
});
