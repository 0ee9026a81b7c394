import { TRUST_LEVELS } from '@qfzz/domain';
import { DJ_PERSONAS, personaFor } from '../personas/djPersonas';
import { phraseReply } from './phraseReply';
import { phrasingSeed } from './phrasingSeed';
import type { ReplyPlan } from './replyPlan';

const plan = (overrides: Partial<ReplyPlan> = {}): ReplyPlan => ({
  listenerId: 'ada',
  listenerName: 'Ada',
  trustLevel: 'friend',
  understood: { intent: 'request_recommendation', mood: 'happy' },
  mood: 'happy',
  topGenre: 'jazz',
  learned: { liked: [], disliked: [] },
  askedFor: [],
  tracks: [
    {
      trackId: 't1',
      title: 'So What',
      artist: 'Miles Davis',
      genre: 'jazz',
      score: 1,
      reason: '',
      discovery: false,
    },
    {
      trackId: 't2',
      title: 'Blue in Green',
      artist: 'Miles Davis',
      genre: 'jazz',
      score: 0.9,
      reason: '',
      discovery: false,
    },
  ],
  ...overrides,
});

describe('phraseReply', () => {
  it('is deterministic: the same plan and seed give the same words', () => {
    const seed = phrasingSeed('ada', 7);
    expect(phraseReply(plan(), personaFor('nova'), seed)).toBe(phraseReply(plan(), personaFor('nova'), seed));
  });

  it('varies with the message count', () => {
    const texts = new Set(
      Array.from({ length: 12 }, (_, count) =>
        phraseReply(plan({ trustLevel: 'best_friend' }), personaFor('nova'), phrasingSeed('ada', count)),
      ),
    );
    expect(texts.size).toBeGreaterThan(1);
  });

  it.each(DJ_PERSONAS.map((persona) => [persona.djId]))('%s words every trust level differently', (djId) => {
    const seed = phrasingSeed('ada', 3);
    const texts = TRUST_LEVELS.map((trustLevel) => phraseReply(plan({ trustLevel }), personaFor(djId), seed));
    expect(new Set(texts).size).toBe(TRUST_LEVELS.length);
    expect(texts[0]).toMatch(/\?/);
    expect(texts[TRUST_LEVELS.length - 1]).not.toMatch(/\?/);
  });

  it('personas sound different for the same plan', () => {
    const seed = phrasingSeed('ada', 1);
    const texts = DJ_PERSONAS.map((persona) => phraseReply(plan(), persona, seed));
    expect(new Set(texts).size).toBe(DJ_PERSONAS.length);
  });

  it('names the tracks and the community count', () => {
    const text = phraseReply(
      plan({
        community: {
          connections: 4,
          likedInOffer: { trackId: 't1', title: 'So What', artist: 'Miles Davis', friends: 3 },
        },
      }),
      personaFor('nova'),
      phrasingSeed('ada', 1),
    );
    expect(text).toContain('“So What” by Miles Davis');
    expect(text).toContain('3 people in your community liked “So What” by Miles Davis.');
  });

  it('leaves out a personal line that needs a name it does not have', () => {
    for (let count = 0; count < 20; count++) {
      const text = phraseReply(
        plan({ listenerName: undefined, topGenre: undefined, trustLevel: 'best_friend' }),
        personaFor('nova'),
        phrasingSeed('bo', count),
      );
      expect(text).not.toMatch(/[{}]|, \.|\s{2}/);
    }
  });
});
