import { startConversationTestBed, type ConversationTestBed } from './testing/conversationTestBed';

describe('interact and greet with peers that do not answer', () => {
  let bed: ConversationTestBed;
  const troubles: string[] = [];
  beforeEach(async () => {
    troubles.length = 0;
    bed = await startConversationTestBed({
      serve: { catalog: false, profile: false, recommender: false },
      service: { onPeerTrouble: ({ service, code }) => troubles.push(`${service}:${code}`) },
    });
    await bed.register('ada', 'Ada');
  });
  afterEach(() => bed.stop());

  it('still answers, says less, and still writes what it learned', async () => {
    const reply = await bed.send('ada', 'pumped for my run');
    expect(reply.reply.length).toBeGreaterThan(0);
    expect(reply.tracks).toBeUndefined();
    expect(reply.understood).toMatchObject({
      intent: 'express_mood',
      mood: 'energetic',
      activity: 'working_out',
    });
    expect(troubles).toEqual(
      expect.arrayContaining(['recommender:NO_RESPONDER', 'profile:NO_RESPONDER', 'catalog:NO_RESPONDER']),
    );
    const types = (await bed.eventsOf('ada')).map((event) => event.type);
    expect(types).toEqual(['ListenerRegistered', 'MessageSent', 'MoodExpressed', 'DjReplied']);
  });

  it('feedback still lands on the track playing (from the stream) without the catalog', async () => {
    await bed.play('ada', ['rock-1']);
    const reply = await bed.send('ada', 'I love this song');
    const events = await bed.eventsOf('ada');
    expect(events.map((event) => event.type).slice(-2)).toEqual(['TrackLiked', 'DjReplied']);
    expect(reply.reply).toMatch(/this one/i);
  });

  it('greets without a profile service (as someone new, in the default voice)', async () => {
    const greeting = await bed.greet('ada');
    expect(greeting.djName).toBe('Nova');
    expect(greeting.text.length).toBeGreaterThan(0);
  });

  it('asked about the community with no trust service, says it cannot see it', async () => {
    const reply = await bed.send('ada', 'what is my community listening to?');
    expect(reply.understood.intent).toBe('ask_community');
    expect(reply.reply).toMatch(/can't see your community/);
  });
});
