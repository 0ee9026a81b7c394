import { startConversationTestBed, type ConversationTestBed } from './testing/conversationTestBed';

const types = (events: { type: string }[]) => events.map((event) => event.type);

describe('interact: what a message writes to the log', () => {
  let bed: ConversationTestBed;
  beforeEach(async () => {
    bed = await startConversationTestBed();
    await bed.register('ada', 'Ada');
  });
  afterEach(() => bed.stop());

  const newEvents = async (listenerId: string, send: () => Promise<unknown>) => {
    const before = (await bed.eventsOf(listenerId)).length;
    await send();
    return (await bed.eventsOf(listenerId)).slice(before);
  };

  it('a mood writes MessageSent, MoodExpressed, then DjReplied', async () => {
    const events = await newEvents('ada', () => bed.send('ada', "I'm in a great mood"));
    expect(types(events)).toEqual(['MessageSent', 'MoodExpressed', 'DjReplied']);
    expect(events[0].data).toEqual({ text: "I'm in a great mood" });
    expect(events[1].data).toEqual({ mood: 'happy', source: 'message' });
    expect(events[1].metadata.causationId).toBe(events[0].eventId);
    expect(events[2].data).toEqual({ text: expect.any(String), djName: 'Nova' });
  });

  it('a stated taste writes PreferencesStated: liked genres as words, liked artists up, nothing negated as positive', async () => {
    const liked = await newEvents('ada', () => bed.send('ada', 'I like jazz and Daft Punk'));
    expect(types(liked)).toEqual(['MessageSent', 'PreferencesStated', 'DjReplied']);
    expect(liked[1].data).toEqual({ words: ['jazz'], artists: { 'Daft Punk': 0.6 } });

    const hated = await newEvents('ada', () => bed.send('ada', 'I hate country'));
    expect(types(hated)).toEqual(['MessageSent', 'PreferencesStated', 'DjReplied']);
    expect(hated[1].data).toEqual({ genres: { country: 0.4 } });
    const profile = await bed.profile('ada', hated[hated.length - 1].position);
    expect(profile?.genres.jazz).toBeCloseTo(0.6, 10);
    expect(profile?.genres.country).toBeCloseTo(0.4, 10);
    expect(profile?.artists['Daft Punk']).toBeCloseTo(0.6, 10);
  });

  it.each(['how are you?', 'hi', 'nice weather today', 'thanks!', 'what do you think about cats?'])(
    'chit-chat (%p) writes nothing but MessageSent and DjReplied',
    async (text) => {
      const events = await newEvents('ada', () => bed.send('ada', text));
      expect(types(events)).toEqual(['MessageSent', 'DjReplied']);
    },
  );

  it('feedback on the track playing writes TrackLiked / TrackSkipped on the latest played track', async () => {
    await bed.play('ada', ['jazz-1', 'edm-2']);
    const liked = await newEvents('ada', () => bed.send('ada', 'I love this song'));
    expect(types(liked)).toEqual(['MessageSent', 'TrackLiked', 'DjReplied']);
    expect(liked[1].data).toMatchObject({
      track: { trackId: 'edm-2', genre: 'edm', artist: 'Bassline Club' },
    });
    expect((liked[2].data as { text: string }).text).toContain('Neon Pulse 2');

    const skipped = await newEvents('ada', () => bed.send('ada', 'skip this'));
    expect(types(skipped)).toEqual(['MessageSent', 'TrackSkipped', 'DjReplied']);
    expect(skipped[1].data).toMatchObject({ track: { trackId: 'edm-2' } });
  });

  it('feedback with nothing played writes no reaction, and the DJ asks what is playing', async () => {
    const events = await newEvents('ada', () => bed.send('ada', 'I love this song'));
    expect(types(events)).toEqual(['MessageSent', 'DjReplied']);
    expect((events[1].data as { text: string }).text).toMatch(/\?/);
  });

  it('two messages are two interactions: trust 0.52, as in the seed', async () => {
    await bed.send('ada', 'hello');
    const second = await bed.send('ada', 'how are you?');
    const profile = await bed.profile('ada', second.position);
    expect(profile).toMatchObject({ interactionCount: 2, trustScore: 0.52, trustLevel: 'friend' });
  });

  it('answers with position of its last event (read-your-writes) and understood as API.md shows it', async () => {
    const reply = await bed.send('ada', 'maybe some electronic?');
    const events = await bed.eventsOf('ada');
    expect(reply.position).toBe(events[events.length - 1].position);
    expect(reply.understood).toEqual({ intent: 'request_recommendation', genres: ['edm'] });
  });

  it('a retried message with the same correlation id appends nothing twice', async () => {
    const first = await bed.send('ada', "I'm in a great mood", 'req-1');
    const count = (await bed.eventsOf('ada')).length;
    const again = await bed.send('ada', "I'm in a great mood", 'req-1');
    expect((await bed.eventsOf('ada')).length).toBe(count);
    expect(again.reply).toBe(first.reply);
  });

  it('refuses an empty text or a bad listener id with INVALID_ARGUMENT', async () => {
    await expect(bed.send('ada', '   ')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(bed.send('not valid!', 'hi')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
