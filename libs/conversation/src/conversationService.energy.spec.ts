import { meanEnergy } from './testing/recommenderTestDouble';
import { startConversationTestBed, type ConversationTestBed } from './testing/conversationTestBed';

describe('interact: mood and activity shape the music', () => {
  let bed: ConversationTestBed;
  beforeEach(async () => {
    bed = await startConversationTestBed();
    await bed.register('runner');
    await bed.register('sleeper');
  });
  afterEach(() => bed.stop());

  it('"pumped for my run" gets clearly higher-energy tracks than "need to unwind"', async () => {
    const pumped = await bed.send('runner', 'pumped for my run');
    const unwind = await bed.send('sleeper', 'need to unwind');
    const [runRequest, unwindRequest] = bed.recommender?.requests ?? [];
    expect(runRequest).toMatchObject({ listenerId: 'runner', activity: 'working_out', mood: 'energetic' });
    expect(unwindRequest).toMatchObject({ listenerId: 'sleeper', activity: 'winding_down', mood: 'calm' });
    // Read-your-writes: the playlist reflects the mood the message just wrote.
    expect(runRequest.minPosition).toBeGreaterThan(0);

    const high = meanEnergy(pumped.tracks ?? [], bed.catalogTracks);
    const low = meanEnergy(unwind.tracks ?? [], bed.catalogTracks);
    expect(pumped.tracks).toHaveLength(5);
    expect(unwind.tracks).toHaveLength(5);
    expect(high - low).toBeGreaterThan(0.5);
  });
});
