import { SchemaValidationError, UnknownEventTypeError, isSchemaValidationError } from './eventErrors';
import type { EventType } from './eventCatalogue';
import { parseEvent, parseEventData } from './parseEventData';

const track = { trackId: 't1', genre: 'jazz', artist: 'Miles Davis' };

function errorOf(fn: () => unknown): SchemaValidationError {
  try {
    fn();
  } catch (error) {
    if (isSchemaValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a SchemaValidationError');
}

describe('parseEventData refuses bad data and names the field', () => {
  it('names a nested field out of range', () => {
    const error = errorOf(() => parseEventData('TrackPlayed', 1, { track: { ...track, energy: 1.5 } }));
    expect(error.message).toContain('data.track.energy: Number must be less than or equal to 1');
    expect(error.issues).toEqual([
      { path: 'data.track.energy', message: 'Number must be less than or equal to 1' },
    ]);
    expect(error).toMatchObject({ eventType: 'TrackPlayed', schemaVersion: 1 });
  });

  it('names a field inside a list by its index', () => {
    const error = errorOf(() =>
      parseEventData('TracksAddedToCatalog', 1, {
        tracks: [
          { trackId: 'ok', title: 'Ok', artist: 'A', genre: 'pop' },
          { trackId: 'not ok', title: 'T', artist: 'A', genre: 'pop' },
        ],
      }),
    );
    expect(error.message).toContain(
      'data.tracks[1].trackId: must be 1..128 characters of letters, digits and - _ . :',
    );
  });

  it('names every bad field, not only the first', () => {
    const error = errorOf(() =>
      parseEventData('TrackRated', 2, { track: { ...track, trackId: '' }, rating: 2 }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.track.trackId', 'data.rating']);
  });

  it('names a missing required field', () => {
    expect(errorOf(() => parseEventData('TrackRated', 2, { track })).message).toContain(
      'data.rating: Required',
    );
  });

  it('names the data itself when it is not an object', () => {
    expect(errorOf(() => parseEventData('MessageSent', 1, 'hello')).issues[0].path).toBe('data');
  });

  it('blames the stored version when old data cannot be upcast', () => {
    const error = errorOf(() => parseEventData('TrackRated', 1, { track, stars: 6 }));
    expect(error.schemaVersion).toBe(1);
    expect(error.message).toContain('data.stars: Number must be less than or equal to 5');
  });

  it.each<[EventType, unknown, string]>([
    ['TrackPlayed', { track: { ...track, tempo: 'glacial' } }, 'data.track.tempo'],
    ['TrackPlayed', { track, context: { hour: 24 } }, 'data.context.hour'],
    ['TrackPlayed', { track, context: { hour: 7.5 } }, 'data.context.hour'],
    ['TrackLiked', { track: { trackId: 't1', artist: 'A' } }, 'data.track.genre'],
    ['PreferencesStated', { genres: { jazz: 1.2 } }, 'data.genres.jazz'],
    ['PreferencesStated', { tempoPreference: 'any' }, 'data.tempoPreference'],
    ['PreferencesStated', { discoveryFactor: -0.1 }, 'data.discoveryFactor'],
    ['MoodExpressed', { mood: 'hangry' }, 'data.mood'],
    ['MessageSent', { text: '   ' }, 'data.text'],
    ['MessageSent', { text: 'x'.repeat(2001) }, 'data.text'],
    ['CommunityRequested', { from: 'ann', to: 'ann' }, 'data.to'],
    ['CommunityRemoved', { by: 'ann', other: 'ann' }, 'data.other'],
    ['DiscoveryFactorChanged', { discoveryFactor: 2 }, 'data.discoveryFactor'],
    ['ListenerRegistered', { listenerId: 'ann', registeredAt: 'yesterday' }, 'data.registeredAt'],
    ['ListenerForgotten', {}, 'data.listenerId'],
    ['TracksAddedToCatalog', { tracks: [] }, 'data.tracks'],
    [
      'TracksAddedToCatalog',
      { tracks: [{ trackId: 't', title: 'T', artist: 'A', genre: 'g', bpm: 0 }] },
      'data.tracks[0].bpm',
    ],
  ])('%s %j fails at %s', (type, data, path) => {
    expect(errorOf(() => parseEventData(type, 1, data)).issues.map((issue) => issue.path)).toContain(path);
  });
});

describe('parseEventData accepts good data', () => {
  it('returns typed data, upcast to the current version', () => {
    const rated = parseEventData('TrackRated', 1, { track, stars: 4 });
    expect(rated.rating).toBe(0.75);
  });

  it('accepts a catalog track without audio features: unknown is not zero', () => {
    const data = parseEventData('TracksAddedToCatalog', 1, {
      tracks: [{ trackId: 't', title: 'T', artist: 'A', genre: 'g' }],
    });
    expect(data.tracks[0].energy).toBeUndefined();
  });

  it('accepts a full catalog track', () => {
    const full = {
      trackId: '6f807x0ima9a1j3VPbc7VN',
      title: "I Don't Care",
      artist: 'Ed Sheeran',
      genre: 'pop',
      subgenre: 'dance pop',
      mood: 'happy',
      energy: 0.916,
      tempo: 'fast',
      bpm: 122.036,
      valence: 0.518,
      danceability: 0.748,
      durationMs: 194754,
      popularity: 66,
      tags: ['remix'],
    };
    expect(parseEventData('TracksAddedToCatalog', 1, { tracks: [full] }).tracks[0]).toEqual(full);
  });

  it('trims free text', () => {
    expect(parseEventData('MessageSent', 1, { text: '  hi dj ' }).text).toBe('hi dj');
  });

  it('accepts a community pair and a stated list of words', () => {
    expect(parseEventData('CommunityAccepted', 1, { from: 'ann', to: 'bob' })).toEqual({
      from: 'ann',
      to: 'bob',
    });
    expect(parseEventData('PreferencesStated', 1, { words: ['jazz', 'deep house'] }).words).toEqual([
      'jazz',
      'deep house',
    ]);
  });
});

describe('parseEvent', () => {
  it('narrows a run-time type to the typed union', () => {
    const event = parseEvent({
      type: 'MoodExpressed',
      schemaVersion: 1,
      data: { mood: 'calm', source: 'message' },
    });
    expect(event).toEqual({ type: 'MoodExpressed', data: { mood: 'calm', source: 'message' } });
    if (event.type === 'MoodExpressed') expect(event.data.mood).toBe('calm');
  });

  it('refuses a type it does not know', () => {
    expect(() => parseEvent({ type: 'TrackHummed', schemaVersion: 1, data: {} })).toThrow(
      UnknownEventTypeError,
    );
  });
});
