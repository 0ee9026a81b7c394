import type { AnalysedText } from './analysedText';
import { type Cue, findCues } from './cueMatch';
import type { Feedback } from './understanding';

const TRACK = '(?:this|that|it)(?: (?:song|track|tune|one))?';
const POSITIVE_WORDS =
  'great|awesome|amazing|good|fire|lit|perfect|dope|sick|beautiful|lovely|gorgeous|brilliant|incredible|epic|a banger|a bop|a vibe|my jam|my song|so good|nice';
const NEGATIVE_WORDS =
  'boring|terrible|awful|trash|garbage|annoying|bad|the worst|cringe|lame|horrible|meh|rubbish|crap';

/** Phrases whose polarity a "not" inside them already settles. */
const FIXED: readonly Cue<Feedback>[] = [
  {
    value: 'positive',
    pattern:
      /\b(not bad|not too shabby|keep (?:them|em|it|'em) coming|more like this|exactly what i needed|slaps|banger|bop|a vibe|(?:nice|good|great) (?:pick|choice|one)|(?:great|awesome|amazing|good|nice|beautiful|lovely) (?:song|track|tune)|perfect)\b/,
  },
  {
    value: 'negative',
    pattern:
      /\b(skip|skip it|not this|not feeling (?:this|it|that)|turn (?:this|it) off|change (?:the|this) (?:song|track)|too (?:slow|loud|fast|much|repetitive)|nope|meh|worst (?:song|track))\b|^next\b(?! (?:playlist|mix|time|week))|\bnext (?:song|track|one|please)\b/,
  },
  { value: 'negative', pattern: new RegExp(`\\b(?:${NEGATIVE_WORDS}) (?:song|track|tune)\\b`) },
];

/** Cues that a "not" turns around: "I don't like this", "I don't hate this". */
const FLIPPABLE: readonly Cue<Feedback>[] = [
  {
    value: 'positive',
    pattern: new RegExp(`\\b(love|like|enjoy|dig|loving|liking|enjoying|adore) ${TRACK}\\b`),
  },
  { value: 'negative', pattern: new RegExp(`\\b(hate|dislike|hating|detest) ${TRACK}\\b`) },
  {
    value: 'positive',
    pattern: new RegExp(
      `\\b${TRACK} (?:is |was )?(?:so |really |pretty |actually |just |truly )?(?:${POSITIVE_WORDS})\\b`,
    ),
  },
  {
    value: 'negative',
    pattern: new RegExp(
      `\\b${TRACK} (?:is |was )?(?:so |really |pretty |actually |just |truly |kinda )?(?:${NEGATIVE_WORDS})\\b`,
    ),
  },
];

const EXPLICIT_TRACK = /\b(this|that|the) (song|track|tune|one)\b/;

function flip(value: Feedback): Feedback {
  return value === 'positive' ? 'negative' : 'positive';
}

/**
 * What the listener thinks of the track playing now, if they said. With a
 * clear reference to the track but no cue ("this track makes me smile"),
 * wink's sentiment decides.
 */
export function detectFeedback(text: AnalysedText): Feedback | undefined {
  const matches = [
    ...findCues(text, FIXED).map((match) => ({ ...match, fixed: true })),
    ...findCues(text, FLIPPABLE).map((match) => ({ ...match, fixed: false })),
  ].sort((a, b) => a.index - b.index || b.length - a.length);
  const first = matches[0];
  if (first) return first.fixed || !first.negated ? first.value : flip(first.value);
  if (EXPLICIT_TRACK.test(text.joined)) {
    if (text.sentiment >= 0.2) return 'positive';
    if (text.sentiment <= -0.2) return 'negative';
  }
  return undefined;
}
