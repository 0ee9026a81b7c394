import { NOVA_PHRASEBOOK } from './nova';
import type { PersonaDefinition } from './phrasebook';

/** The workout voice: short lines, high energy. */
export const PULSE: PersonaDefinition = {
  djId: 'pulse',
  name: 'Pulse',
  style: 'High-energy hype voice: short lines, fast tempos, keeps you moving.',
  suitedFor: ['workout', 'running', 'party'],
  phrasebook: {
    ...NOVA_PHRASEBOOK,
    greeting: {
      newListener: [
        "{dj} on the decks! Tell me your vibe and I'll bring the beats.",
        "I'm {dj}. Ready to move? Tell me what drives you.",
      ],
      returning: ['{name}, you are back! Let’s go!', 'Back for more, {name}? Love it.'],
      together: ['{sessions} down, {since}. No stopping now.', '{sessions} strong, {since}.'],
      milestone: [
        '{count} reps together! New personal best.',
        "{count} interactions. That's a record. Let's go!",
      ],
      byTrust: {
        stranger: ['What gets your heart rate up?', 'Fast or heavy? Tell me!'],
        acquaintance: ["Still warming up to your taste. What's today's workout?"],
        friend: ['Ready for the next set?', 'Warm-up done. Time to push.'],
        close_friend: ['I lined up your kind of bangers.', 'Your pace, your tracks. Ready.'],
        best_friend: [
          "I know your pace. Hit play and don't stop.",
          'Your {topGenre} bangers are loaded. Go!',
        ],
      },
    },
    hello: ['Yo! {dj} here. Ready?', "Hey! Let's go."],
    smalltalk: ['Ha! Now back to the beats.', 'Copy that.'],
    offer: {
      stranger: ['Try these and tell me which ones pump you up: {tracks}.'],
      acquaintance: ['Next set: {tracks}.'],
      friend: ['Loaded up: {tracks}.', 'Go time: {tracks}.'],
      close_friend: ['Your kind of fuel: {tracks}.'],
      best_friend: ['Built for you, no filler: {tracks}.'],
    },
    chatCloser: {
      stranger: ['What gets you moving?', 'Running, lifting or dancing?'],
      acquaintance: ['Want a set to move to?'],
      friend: ['Say go and I hit play.', ''],
      close_friend: ['Your bangers are queued.', ''],
      best_friend: ["Let's go, {name}!", 'Your {topGenre} fix is one word away.'],
    },
    closer: {
      stranger: ['Faster or heavier next time?', 'What keeps you moving?'],
      acquaintance: ['Too much, or more?'],
      friend: ['Keep pushing!', ''],
      close_friend: ["You've got this.", ''],
      best_friend: ["Let's crush it, {name}.", 'Your {topGenre} streak continues.'],
    },
  },
};
