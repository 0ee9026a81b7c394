// The README's example, kept here so it runs and a test keeps it true:
//   npx tsx libs/domain/src/examples/foldTasteProfile.example.ts
import { foldTasteProfile, trustLevelOf } from '../index';

export function exampleProfile() {
  const track = { trackId: 't1', genre: 'jazz', artist: 'Miles Davis', mood: 'calm', energy: 0.3 };
  return foldTasteProfile('ann', [
    {
      type: 'ListenerRegistered',
      version: 1,
      data: { listenerId: 'ann', name: 'Ann' },
      metadata: { occurredAt: '2025-01-01T08:00:00.000Z' },
    },
    { type: 'PreferencesStated', version: 2, data: { words: ['Jazz', 'deep house'] } },
    { type: 'TrackLiked', version: 3, data: { track } },
    // Written before ratings were 0..1: upcast on read to rating 1.
    { type: 'TrackRated', version: 4, schemaVersion: 1, data: { track, stars: 5 } },
    { type: 'MessageSent', version: 5, data: { text: 'more of this please' } },
  ]);
}

if (require.main === module) {
  const profile = exampleProfile();
  console.log(profile.genres, profile.energyLevel, profile.trustScore, trustLevelOf(profile.trustScore));
}
