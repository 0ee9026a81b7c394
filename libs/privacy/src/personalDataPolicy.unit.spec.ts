import { EVENT_TYPES } from '@qfzz/domain';
import { defaultPersonalDataPolicy } from './personalDataPolicy';

describe('the personal data policy', () => {
  it('seals every qfzz event type in a listener stream except ListenerForgotten (a new type must be decided here)', () => {
    const sealed = EVENT_TYPES.filter(
      (type) => defaultPersonalDataPolicy.ownerOf('listener-ann', type) === 'ann',
    );
    const open = EVENT_TYPES.filter(
      (type) => defaultPersonalDataPolicy.ownerOf('listener-ann', type) === undefined,
    );
    expect(open).toEqual(['ListenerForgotten']);
    expect(sealed.sort()).toEqual(
      [
        'ListenerRegistered',
        'PreferencesStated',
        'DiscoveryFactorChanged',
        'DjChosen',
        'TrackPlayed',
        'TrackSkipped',
        'TrackLiked',
        'TrackFavorited',
        'TrackRated',
        'MessageSent',
        'DjReplied',
        'MoodExpressed',
        'CommunityRequested',
        'CommunityAccepted',
        'CommunityDeclined',
        'CommunityRemoved',
        'TracksAddedToCatalog',
      ].sort(),
    );
  });

  it('leaves connection streams and the catalog as they are', () => {
    expect(defaultPersonalDataPolicy.ownerOf('connection-ann-bob', 'CommunityRequested')).toBeUndefined();
    expect(defaultPersonalDataPolicy.ownerOf('catalog', 'TracksAddedToCatalog')).toBeUndefined();
  });

  it('seals for the listener the stream belongs to, ids with dashes included', () => {
    expect(defaultPersonalDataPolicy.ownerOf('listener-a-b.c', 'TrackLiked')).toBe('a-b.c');
  });
});
