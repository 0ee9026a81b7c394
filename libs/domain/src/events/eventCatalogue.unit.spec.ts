import { EVENT_CATALOGUE, EVENT_TYPES, currentSchemaVersionOf, isEventType } from './eventCatalogue';
import { newQfzzEvent } from './newQfzzEvent';
import { SchemaValidationError } from './eventErrors';

describe('the event catalogue', () => {
  it('lists every event qfzz writes', () => {
    expect([...EVENT_TYPES].sort()).toEqual(
      [
        'ListenerRegistered',
        'PreferencesStated',
        'DiscoveryFactorChanged',
        'DjChosen',
        'ListenerForgotten',
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

  it('names events as PascalCase facts', () => {
    for (const type of EVENT_TYPES) expect(type).toMatch(/^([A-Z][a-z]+)+$/);
  });

  it('knows the current version of each type', () => {
    expect(currentSchemaVersionOf('TrackRated')).toBe(2);
    expect(currentSchemaVersionOf('TrackPlayed')).toBe(1);
    expect(currentSchemaVersionOf('TrackHummed')).toBeUndefined();
    expect(Object.values(EVENT_CATALOGUE).every((d) => Number.isInteger(d.currentSchemaVersion))).toBe(true);
  });

  it('does not mistake inherited object keys for event types', () => {
    expect(isEventType('toString')).toBe(false);
    expect(isEventType('constructor')).toBe(false);
  });
});

describe('newQfzzEvent', () => {
  it('stamps the current schema version and keeps the given id and metadata', () => {
    const event = newQfzzEvent(
      'TrackRated',
      { track: { trackId: 't1', genre: 'jazz', artist: 'A' }, rating: 0.9 },
      { eventId: 'e-1', metadata: { occurredAt: '2025-01-01T00:00:00.000Z', actor: 'ann' } },
    );
    expect(event).toEqual({
      eventId: 'e-1',
      type: 'TrackRated',
      schemaVersion: 2,
      data: { track: { trackId: 't1', genre: 'jazz', artist: 'A' }, rating: 0.9 },
      metadata: { occurredAt: '2025-01-01T00:00:00.000Z', actor: 'ann' },
    });
  });

  it('gives each event a fresh id when none is given', () => {
    const a = newQfzzEvent('MessageSent', { text: 'hi' });
    const b = newQfzzEvent('MessageSent', { text: 'hi' });
    expect(a.eventId).not.toBe(b.eventId);
    expect(a).not.toHaveProperty('metadata');
  });

  it('lets nothing invalid into the log', () => {
    expect(() => newQfzzEvent('MoodExpressed', { mood: 'hangry' as 'calm' })).toThrow(SchemaValidationError);
  });
});
