import { TRUST_SERVICE, TrustQuery, type CommunityView } from '@qfzz/contracts';
import { startConversationTestBed, type ConversationTestBed } from './testing/conversationTestBed';

/** TEST DOUBLE for the trust service's community view (the trust-network service is built elsewhere). */
const communityTestDouble = (view: CommunityView) => () => view;

describe('interact: what the community likes', () => {
  let bed: ConversationTestBed;
  beforeEach(async () => {
    bed = await startConversationTestBed();
    await bed.register('ada', 'Ada');
    await bed.bus.respond(
      TRUST_SERVICE,
      TrustQuery.community,
      communityTestDouble({
        connections: ['bo', 'cy', 'di'].map((listenerId) => ({
          listenerId,
          since: '2026-11-01T00:00:00.000Z',
        })),
        pending: [],
        loving: [
          { trackId: 'ambient-3', friends: 3 },
          { trackId: 'jazz-1', friends: 1 },
        ],
      }),
    );
  });
  afterEach(() => bed.stop());

  it('says how many people in the community liked an offered track', async () => {
    const reply = await bed.send('ada', 'need to unwind');
    expect(reply.tracks?.map((track) => track.trackId)).toContain('ambient-3');
    expect(reply.reply).toContain('3 people in your community liked “Still Water 3” by Slow Tide');
  });

  it('answers a community question with counts and their favourite', async () => {
    const reply = await bed.send('ada', 'what is my community listening to?');
    expect(reply.reply).toMatch(/3 connections/);
    expect(reply.reply).toContain('Still Water 3');
  });
});
