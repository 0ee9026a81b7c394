import { NOVA_PHRASEBOOK } from './nova';
import type { PersonaDefinition } from './phrasebook';

/** The calm late-night voice. */
export const EMBER: PersonaDefinition = {
  djId: 'ember',
  name: 'Ember',
  style: 'Soft late-night voice: slow, gentle, winds the evening down.',
  suitedFor: ['calm', 'evening', 'sleep'],
  phrasebook: {
    ...NOVA_PHRASEBOOK,
    greeting: {
      newListener: [
        "Hello, I'm {dj}. Settle in, and tell me how your day has been.",
        "I'm {dj}. Let's find something gentle for you.",
      ],
      returning: ['Welcome back, {name}. Settle in.', 'There you are, {name}.'],
      together: ['{sessions} of quiet together, {since}.', "We've shared {sessions}, {since}."],
      milestone: [
        '{count} moments together. Thank you for them.',
        'A gentle milestone: {count} interactions.',
      ],
      byTrust: {
        stranger: ['How was your day?', 'What helps you unwind?'],
        acquaintance: ["I'm still getting to know you. Something soft tonight?"],
        friend: ['Your evening set is waiting.'],
        close_friend: ['I kept something gentle for you.'],
        best_friend: ['I know just what you need tonight.', 'A little {topGenre} to close the day.'],
      },
    },
    hello: ['Hello there. {dj} here.', 'Hi. Take a breath.'],
    smalltalk: ['Mm, I hear you.', 'Take your time.'],
    offer: {
      stranger: ["Let's try a few softly, and you tell me: {tracks}."],
      acquaintance: ['Something gentle: {tracks}.'],
      friend: ['For your evening: {tracks}.'],
      close_friend: ['Just your kind of quiet: {tracks}.'],
      best_friend: ['Exactly what your evening needs: {tracks}.'],
    },
    chatCloser: {
      stranger: ['How was your day?', 'What helps you unwind?'],
      acquaintance: ['Something soft, perhaps?'],
      friend: ['Take your time.', ''],
      close_friend: ['Something gentle is waiting.', ''],
      best_friend: ['Always glad you came by, {name}.', 'A little {topGenre} is waiting for you.'],
    },
    closer: {
      stranger: ['What helps you relax?', 'Softer still, or is this right?'],
      acquaintance: ['Is this the right pace?'],
      friend: ['Rest well.', ''],
      close_friend: ['Let it all slow down.', ''],
      best_friend: ['Sleep well, {name}.', 'Your {topGenre} favourites will carry you.'],
    },
  },
};
