import { ConversationService } from './conversationService';
import { startConversationTestBed, type ConversationTestBed } from './testing/conversationTestBed';

describe('interact: the session context', () => {
  let bed: ConversationTestBed;
  beforeEach(async () => {
    bed = await startConversationTestBed();
    await bed.register('ada', 'Ada');
  });
  afterEach(() => bed.stop());

  it('"maybe some electronic?" after "I\'m in a great mood" is upbeat electronic', async () => {
    await bed.send('ada', "I'm in a great mood");
    const reply = await bed.send('ada', 'maybe some electronic?');
    expect(reply.understood).toEqual({ intent: 'request_recommendation', mood: 'happy', genres: ['edm'] });
    const asked = bed.recommender?.requests.at(-1);
    expect(asked).toMatchObject({ listenerId: 'ada', mood: 'happy' });
    expect(reply.tracks?.length).toBe(5);
    expect(reply.tracks?.every((track) => track.genre === 'edm')).toBe(true);
  });

  it('without the mood first, the same ask carries no mood', async () => {
    const reply = await bed.send('ada', 'maybe some electronic?');
    expect(reply.understood.mood).toBeUndefined();
    expect(bed.recommender?.requests.at(-1)?.mood).toBeUndefined();
  });

  it('forgets the mood after 30 idle minutes', async () => {
    await bed.send('ada', "I'm in a great mood");
    bed.clock.advance(31 * 60 * 1000);
    const reply = await bed.send('ada', 'maybe some electronic?');
    expect(reply.understood.mood).toBeUndefined();
  });

  it('a fresh replica (a restart, or another replica) rebuilds the context from the log', async () => {
    await bed.send('ada', "I'm in a great mood");
    const other = new ConversationService({ store: bed.store, queryBus: bed.bus, clock: bed.clock.now });
    const reply = await other.interact({ listenerId: 'ada', text: 'maybe some electronic?' });
    expect(reply.understood).toMatchObject({ mood: 'happy', genres: ['edm'] });
  });

  it('a replica that missed a turn handled elsewhere catches up from the log', async () => {
    const elsewhere = new ConversationService({ store: bed.store, queryBus: bed.bus, clock: bed.clock.now });
    await bed.send('ada', 'hello');
    await elsewhere.interact({ listenerId: 'ada', text: "I'm in a great mood" });
    const reply = await bed.send('ada', 'maybe some electronic?');
    expect(reply.understood).toMatchObject({ mood: 'happy', genres: ['edm'] });
  });

  it('a named genre that was ruled out stays out of the offer', async () => {
    await bed.send('ada', 'no jazz please');
    const reply = await bed.send('ada', 'play something calm');
    expect(reply.tracks?.length).toBeGreaterThan(0);
    expect(reply.tracks?.some((track) => track.genre === 'jazz')).toBe(false);
  });
});
