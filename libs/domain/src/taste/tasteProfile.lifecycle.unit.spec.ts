import { SchemaValidationError } from '../events/eventErrors';
import { trustLevelOf } from '../trust/trustLevel';
import { TasteProfileVersionGapError, evolveTasteProfile, foldTasteProfile } from './evolveTasteProfile';
import { aTrack, listenerStream } from './listenerStream.fixture';
import { initialTasteProfile } from './tasteProfile';

describe('a new TasteProfile', () => {
  it('starts neutral', () => {
    expect(initialTasteProfile('ann', '2025-01-01T00:00:00.000Z')).toEqual({
      listenerId: 'ann',
      genres: {},
      artists: {},
      moods: {},
      energyLevel: 0.5,
      tempoPreference: 'varied',
      discoveryFactor: 0.3,
      interactionCount: 0,
      recentInteractions: [],
      trustScore: 0.5,
      communityConnections: [],
      createdAt: '2025-01-01T00:00:00.000Z',
      version: 0,
    });
  });

  it('given a registration, when folded, then it has the name and the time of the first event', () => {
    const { events } = listenerStream().add('ListenerRegistered', { listenerId: 'ann', name: 'Ann' });

    expect(foldTasteProfile('ann', events)).toMatchObject({
      name: 'Ann',
      createdAt: events[0].metadata?.occurredAt,
      version: 1,
    });
  });

  it('given a registration imported with its own date, when folded, then that date is when the profile began', () => {
    const { events } = listenerStream().add('ListenerRegistered', {
      listenerId: 'ann',
      registeredAt: '2019-05-01T12:00:00Z',
    });

    expect(foldTasteProfile('ann', events).createdAt).toBe('2019-05-01T12:00:00Z');
  });
});

describe('TasteProfile mood, discovery and trust', () => {
  it('given a mood expressed, when folded, then it is the current mood until another', () => {
    const { events } = listenerStream()
      .add('MoodExpressed', { mood: 'sad', source: 'message' })
      .add('MoodExpressed', { mood: 'happy' });

    expect(foldTasteProfile('ann', events).currentMood).toBe('happy');
  });

  it('given a discovery factor change, when folded, then it is set', () => {
    const { events } = listenerStream().add('DiscoveryFactorChanged', {
      discoveryFactor: 0.75,
      reason: 'asked for new things',
    });

    expect(foldTasteProfile('ann', events).discoveryFactor).toBe(0.75);
  });

  it('given two messages, when folded, then trust is 0.52', () => {
    const { events } = listenerStream()
      .add('MessageSent', { text: 'hi' })
      .add('MessageSent', { text: 'more jazz' });

    expect(foldTasteProfile('ann', events)).toMatchObject({ interactionCount: 2, trustScore: 0.52 });
  });

  it.each([
    [10, 0.6, 'friend'],
    [30, 0.8, 'close_friend'],
    [80, 1, 'best_friend'],
  ])('given %i interactions, when folded, then trust is exactly %p (%s)', (n, score, level) => {
    const stream = listenerStream();
    for (let i = 0; i < n; i++)
      stream.add(i % 3 ? 'TrackPlayed' : 'MessageSent', i % 3 ? { track: aTrack() } : { text: 'hey' });

    const profile = foldTasteProfile('ann', stream.events);

    expect(profile.trustScore).toBe(score);
    expect(trustLevelOf(profile.trustScore)).toBe(level);
    expect(profile.interactionCount).toBe(n);
  });

  it('given DJ replies, moods and preferences, when folded, then trust does not move', () => {
    const { events } = listenerStream()
      .add('DjReplied', { text: 'Hello!', djName: 'Nova' })
      .add('MoodExpressed', { mood: 'calm' })
      .add('PreferencesStated', { words: ['jazz'] });

    expect(foldTasteProfile('ann', events)).toMatchObject({ interactionCount: 0, trustScore: 0.5 });
  });
});

describe('TasteProfile community connections', () => {
  it('given accepted requests either way round, when folded, then the other sides are connections', () => {
    const { events } = listenerStream()
      .add('CommunityAccepted', { from: 'ann', to: 'bob' })
      .add('CommunityAccepted', { from: 'cy', to: 'ann' });

    expect(foldTasteProfile('ann', events).communityConnections).toEqual(['bob', 'cy']);
  });

  it('given a request only, or a declined one, when folded, then there is no connection', () => {
    const { events } = listenerStream()
      .add('CommunityRequested', { from: 'ann', to: 'bob' })
      .add('CommunityDeclined', { from: 'ann', to: 'bob' });

    expect(foldTasteProfile('ann', events).communityConnections).toEqual([]);
  });

  it('given the same acceptance twice, when folded, then the connection is listed once', () => {
    const { events } = listenerStream()
      .add('CommunityAccepted', { from: 'ann', to: 'bob' })
      .add('CommunityAccepted', { from: 'bob', to: 'ann' });

    expect(foldTasteProfile('ann', events).communityConnections).toEqual(['bob']);
  });

  it('given a removal by either side, when folded, then the connection is gone', () => {
    const { events } = listenerStream()
      .add('CommunityAccepted', { from: 'ann', to: 'bob' })
      .add('CommunityAccepted', { from: 'ann', to: 'cy' })
      .add('CommunityRemoved', { by: 'bob', other: 'ann' })
      .add('CommunityRemoved', { by: 'ann', other: 'cy' });

    expect(foldTasteProfile('ann', events).communityConnections).toEqual([]);
  });

  it('given a pair that does not involve this listener, when folded, then nothing changes', () => {
    const { events } = listenerStream().add('CommunityAccepted', { from: 'bob', to: 'cy' });

    expect(foldTasteProfile('ann', events).communityConnections).toEqual([]);
  });
});

describe('forgetting a listener', () => {
  const history = () =>
    listenerStream()
      .add('ListenerRegistered', { listenerId: 'ann', name: 'Ann' })
      .add('TrackLiked', { track: aTrack({ energy: 1, mood: 'calm' }) })
      .add('PreferencesStated', { discoveryFactor: 0.9, tempoPreference: 'fast' })
      .add('MoodExpressed', { mood: 'sad' })
      .add('CommunityAccepted', { from: 'ann', to: 'bob' })
      .add('MessageSent', { text: 'hi' });

  it('given a full history, when forgotten, then the profile is empty and marked forgotten', () => {
    const stream = history().add('ListenerForgotten', { listenerId: 'ann' });
    const createdAt = stream.events[0].metadata?.occurredAt as string;

    expect(foldTasteProfile('ann', stream.events)).toEqual({
      ...initialTasteProfile('ann', createdAt),
      forgotten: true,
      version: 7,
    });
  });

  it('given a forgotten listener, when replayed, then the shredded events before it are never read', () => {
    const stream = history();
    // What crypto-shredding leaves behind: data nobody can read any more.
    for (const event of stream.events) event.data = { ciphertext: 'gone' };
    stream.add('ListenerForgotten', { listenerId: 'ann' }).add('TrackPlayed', { track: aTrack() });

    const profile = foldTasteProfile('ann', stream.events);

    expect(profile).toMatchObject({
      forgotten: true,
      version: 8,
      interactionCount: 1,
      genres: { jazz: 0.55 },
    });
  });

  it('given a forgotten listener, when they register again, then the mark goes', () => {
    const { events } = history()
      .add('ListenerForgotten', { listenerId: 'ann' })
      .add('ListenerRegistered', { listenerId: 'ann', name: 'Ann again' });

    const profile = foldTasteProfile('ann', events);

    expect(profile.forgotten).toBeUndefined();
    expect(profile.name).toBe('Ann again');
  });
});

describe('evolveTasteProfile as a reducer', () => {
  const start = initialTasteProfile('ann', '2025-01-01T00:00:00.000Z');

  it('does not change the profile it was given', () => {
    const before = JSON.stringify(start);
    evolveTasteProfile(start, {
      type: 'TrackLiked',
      version: 1,
      data: { track: aTrack({ energy: 1, mood: 'calm' }) },
    });
    expect(JSON.stringify(start)).toBe(before);
  });

  it('given an event of a type it does not know, when applied, then only the version advances', () => {
    const next = evolveTasteProfile(start, { type: 'TrackHummed', version: 1, data: { anything: true } });

    expect(next).toEqual({ ...start, version: 1 });
  });

  it('given an event already applied, when redelivered, then the same profile comes back', () => {
    const once = evolveTasteProfile(start, { type: 'TrackLiked', version: 1, data: { track: aTrack() } });

    expect(evolveTasteProfile(once, { type: 'TrackLiked', version: 1, data: { track: aTrack() } })).toBe(
      once,
    );
  });

  it('given a gap in versions, when applied, then it refuses and says which version it needs', () => {
    expect(() =>
      evolveTasteProfile(start, { type: 'TrackLiked', version: 3, data: { track: aTrack() } }),
    ).toThrow(TasteProfileVersionGapError);
    expect(() =>
      evolveTasteProfile(start, { type: 'TrackLiked', version: 3, data: { track: aTrack() } }),
    ).toThrow('expected event version 1, got 3');
  });

  it('given data that does not fit its schema, when applied, then it refuses and names the field', () => {
    expect(() =>
      evolveTasteProfile(start, { type: 'TrackLiked', version: 1, data: { track: aTrack({ energy: 3 }) } }),
    ).toThrow(SchemaValidationError);
  });

  it('gives the same profile whether folded at once or evolved one by one', () => {
    const { events } = listenerStream()
      .add('PreferencesStated', { words: ['jazz'] })
      .add('TrackLiked', { track: aTrack({ energy: 0.9 }) })
      .add('TrackSkipped', { track: aTrack({ genre: 'metal', artist: 'X' }) });

    expect(
      events.reduce(evolveTasteProfile, initialTasteProfile('ann', events[0].metadata?.occurredAt as string)),
    ).toEqual(foldTasteProfile('ann', events));
  });
});

describe('choosing a DJ', () => {
  it('remembers the persona the listener chose last', () => {
    const { events } = listenerStream().add('DjChosen', { djId: 'pulse' }).add('DjChosen', { djId: 'ember' });
    expect(foldTasteProfile('ada', events).djId).toBe('ember');
    expect(foldTasteProfile('ada', events.slice(0, 1)).djId).toBe('pulse');
  });
});
