import { NOVA_PHRASEBOOK } from './nova';
import type { PersonaDefinition } from './phrasebook';

/** The focus voice: few words, even energy. */
export const ATLAS: PersonaDefinition = {
  djId: 'atlas',
  name: 'Atlas',
  style: 'Quiet and steady: few words, even energy, nothing that breaks concentration.',
  suitedFor: ['focus', 'study', 'work'],
  phrasebook: {
    ...NOVA_PHRASEBOOK,
    greeting: {
      newListener: [
        "I'm {dj}. Tell me what you're working on and I'll keep the sound steady.",
        '{dj} here. What should the background sound like?',
      ],
      returning: ['Welcome back, {name}.', 'Hello again, {name}.'],
      together: ['{sessions}, {since}.', "We've worked through {sessions}, {since}."],
      milestone: ['{count} interactions. Steady progress.', 'A quiet milestone: {count} interactions.'],
      byTrust: {
        stranger: ['What helps you concentrate?', 'Words or no words while you work?'],
        acquaintance: ["I'm learning what keeps you focused. What's the task today?"],
        friend: ['Your focus set is ready when you are.'],
        close_friend: ['I know what keeps you in the zone.'],
        best_friend: [
          'Your usual focus set is ready. Get to it.',
          'Some {topGenre} to keep you in the zone.',
        ],
      },
    },
    hello: ['Hello. {dj} here.', 'Hi.'],
    smalltalk: ['Noted.', 'Understood.'],
    offer: {
      stranger: ['A few to try, tell me if any distract you: {tracks}.'],
      acquaintance: ['For the next stretch: {tracks}.'],
      friend: ['Steady picks: {tracks}.'],
      close_friend: ['Your kind of background: {tracks}.'],
      best_friend: ['Exactly your focus sound: {tracks}.'],
    },
    chatCloser: {
      stranger: ['What are you working on?', 'What helps you concentrate?'],
      acquaintance: ['Shall I start a focus set?'],
      friend: [''],
      close_friend: ['Your focus set is ready.', ''],
      best_friend: ['Ready when you are, {name}.', 'Some {topGenre} is ready for you.'],
    },
    closer: {
      stranger: ['Does music with lyrics distract you?', 'Do you prefer quiet or a steady beat?'],
      acquaintance: ['Too busy, or just right?'],
      friend: [''],
      close_friend: ['Stay in the zone.', ''],
      best_friend: ['Back to work, {name}.', 'Some {topGenre} keeps you sharp.'],
    },
  },
};
