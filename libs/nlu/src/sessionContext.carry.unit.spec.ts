import { nextContext, type SessionContext } from './sessionContext';
import { understand } from './understand';
import { TEST_VOCABULARY } from './__data__/utterances';

const MINUTE = 60_000;

function converse(
  messages: string[],
  start = 0,
  gapMs = MINUTE,
): { context?: SessionContext; last: ReturnType<typeof understand> } {
  let context: SessionContext | undefined;
  let last = understand('', TEST_VOCABULARY);
  messages.forEach((text, index) => {
    const now = start + index * gapMs;
    last = understand(text, TEST_VOCABULARY, context, { now });
    context = nextContext(context, last, now);
  });
  return { context, last };
}

describe('session context', () => {
  it('carries the mood into a follow-up ask: "maybe some electronic?" after a great mood', () => {
    const { last } = converse(["I'm in a great mood", 'maybe some electronic?']);
    expect(last).toMatchObject({
      intent: 'request_recommendation',
      genres: ['edm'],
      mood: 'happy',
      carried: ['mood'],
    });
  });

  it('carries mood and activity together from the latest turn that set either', () => {
    const { last } = converse(['pumped for my run', 'need to unwind', 'play some jazz']);
    expect(last.activity).toBe('winding_down');
    expect(last.mood).not.toBe('energetic');
  });

  it('lets a new mood replace the carried one', () => {
    const { last } = converse(["I'm in a great mood", "actually I'm sad, play some jazz"]);
    expect(last.mood).toBe('sad');
    expect(last.carried).toBeUndefined();
  });

  it('carries the genre into a refinement that names none', () => {
    const { last } = converse(['play some jazz', 'something more mellow']);
    expect(last).toMatchObject({ genres: ['jazz'], energyHint: 'down' });
    expect(last.carried).toContain('genres');
  });

  it('does not carry into feedback, greetings or small talk', () => {
    expect(converse(["I'm in a great mood", 'skip this']).last.mood).toBeUndefined();
    expect(converse(["I'm in a great mood", 'thanks!']).last.mood).toBeUndefined();
  });

  it('forgets after 30 minutes idle', () => {
    const { last } = converse(["I'm in a great mood", 'maybe some electronic?'], 0, 31 * MINUTE);
    expect(last.mood).toBeUndefined();
  });

  it('remembers a bounded number of turns', () => {
    const { context } = converse(Array.from({ length: 20 }, () => 'play some jazz'));
    expect(context?.turns.length).toBe(8);
  });

  it('starts over when the previous context expired', () => {
    const first = nextContext(undefined, { intent: 'express_mood', mood: 'sad' }, 0);
    const second = nextContext(first, { intent: 'greeting' }, 45 * MINUTE);
    expect(second.turns).toHaveLength(1);
  });
});
