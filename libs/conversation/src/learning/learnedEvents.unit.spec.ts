import { learnFromMessage } from './learnedEvents';

const base = { listenerId: 'ada', occurredAt: '2026-12-01T12:00:00.000Z' };

describe('learnFromMessage (pure)', () => {
  it('small talk teaches nothing but the message itself', () => {
    const { events } = learnFromMessage({
      ...base,
      text: 'how are you?',
      understood: { intent: 'smalltalk' },
    });
    expect(events.map((event) => event.type)).toEqual(['MessageSent']);
  });

  it('a carried mood is not expressed again', () => {
    const { events } = learnFromMessage({
      ...base,
      text: 'maybe some electronic?',
      understood: { intent: 'request_recommendation', mood: 'happy', genres: ['edm'], carried: ['mood'] },
    });
    expect(events.map((event) => event.type)).toEqual(['MessageSent']);
  });

  it('a ruled-out genre and artist are written as lowered weights, never as words', () => {
    const { events, learned } = learnFromMessage({
      ...base,
      text: 'no jazz and no Daft Punk',
      understood: { intent: 'state_preference', negated: { genres: ['jazz'], artists: ['Daft Punk'] } },
      weights: { genres: { jazz: 0.8 }, artists: {} },
    });
    expect(events[1]).toMatchObject({
      type: 'PreferencesStated',
      data: { genres: { jazz: 0.7 }, artists: { 'Daft Punk': 0.4 } },
    });
    expect((events[1].data as { words?: string[] }).words).toBeUndefined();
    expect(learned.disliked).toEqual(['jazz', 'Daft Punk']);
  });

  it('the same correlation id gives the same event ids (a retry appends nothing twice)', () => {
    const input = {
      ...base,
      text: 'hi',
      understood: { intent: 'greeting' as const },
      correlationId: 'req-9',
    };
    expect(learnFromMessage(input).events[0].eventId).toBe(learnFromMessage(input).events[0].eventId);
  });

  it('feedback with no track playing is noted, not written', () => {
    const { events, learned } = learnFromMessage({
      ...base,
      text: 'love this',
      understood: { intent: 'feedback_positive', feedback: 'positive' },
    });
    expect(events.map((event) => event.type)).toEqual(['MessageSent']);
    expect(learned.feedbackWithoutTrack).toBe(true);
  });
});
