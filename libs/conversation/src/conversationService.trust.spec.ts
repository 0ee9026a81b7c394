import { startConversationTestBed, type ConversationTestBed } from './testing/conversationTestBed';

const PROMPTS = [
  'play something',
  "I'm in a great mood",
  'pumped for my run',
  'maybe some rock?',
  'need to unwind',
];
const questions = (text: string) => (text.match(/\?/g) ?? []).length;

describe('interact: trust changes the words', () => {
  let bed: ConversationTestBed;
  beforeEach(async () => {
    bed = await startConversationTestBed();
    // A best friend: 45 plays (trust 0.95), mostly edm.
    await bed.register('bea', 'Bea');
    await bed.play(
      'bea',
      Array.from({ length: 45 }, (_, i) => `edm-${(i % 6) + 1}`),
    );
  });
  afterEach(() => bed.stop());

  it('a stranger gets exploratory questions; a best friend gets confident, personal lines', async () => {
    const beaProfile = await bed.profile('bea');
    expect(beaProfile).toMatchObject({ trustLevel: 'best_friend', trustScore: 0.95 });

    const strangerReplies: string[] = [];
    const friendReplies: string[] = [];
    for (const [index, text] of PROMPTS.entries()) {
      // A listener with no stream yet: the DJ knows nothing about them (a stranger). With the
      // seed's trust rule (start at 0.5) a registered listener is already a 'friend'.
      strangerReplies.push((await bed.send(`newcomer-${index}`, text)).reply);
      friendReplies.push((await bed.send('bea', text)).reply);
    }
    // Every reply to the stranger asks something; none to the best friend does.
    expect(strangerReplies.every((reply) => questions(reply) >= 1)).toBe(true);
    expect(friendReplies.map(questions).reduce((a, b) => a + b, 0)).toBe(0);
    // The best friend hears their name or their favourite genre; the stranger never does.
    expect(friendReplies.filter((reply) => /Bea|edm/.test(reply)).length).toBeGreaterThanOrEqual(1);
    expect(strangerReplies.some((reply) => /Bea/.test(reply))).toBe(false);
    // The hand-over itself changes tone.
    expect(strangerReplies.join(' ')).toMatch(/tell me what lands/);
    expect(friendReplies.join(' ')).toMatch(/I know exactly what you need|Made for you/);
  });

  it('asked about trust, the DJ says the score and the level', async () => {
    const reply = await bed.send('bea', 'how much do you trust me?');
    expect(reply.understood.intent).toBe('ask_trust');
    expect(reply.reply).toMatch(/0\.95/);
    expect(reply.reply).toMatch(/best friend/);
  });
});
