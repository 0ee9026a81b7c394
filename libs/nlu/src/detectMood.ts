import type { AnalysedText } from './analysedText';
import { type Cue, findCues } from './cueMatch';
import type { Mood } from './understanding';

const FEEL = "(?:feel|feeling|feelin|feels|felt|i'm|im|i am|so|bit|kinda|pretty|really|very)";

/**
 * The mood lexicon. Words like "great" or "down" only count as a mood next to
 * a feeling word, so "this song is great" is feedback and "turn it down" is
 * an energy hint, not a mood.
 */
export const MOOD_CUES: readonly Cue<Mood>[] = [
  {
    value: 'happy',
    pattern:
      /\b(happy|happier|cheerful|joyful|joyous|ecstatic|thrilled|overjoyed|excited|stoked|elated|delighted|glad|blessed)\b/,
  },
  {
    value: 'happy',
    pattern: /\b(great|good|amazing|awesome|fantastic|wonderful|brilliant|best) (mood|vibes|day)\b/,
  },
  {
    value: 'happy',
    pattern: new RegExp(
      `\\b${FEEL} (?:so |really |pretty |super |very )?(good|great|amazing|awesome|fantastic|wonderful|alive|on top of the world)\\b`,
    ),
  },
  { value: 'happy', pattern: /\b(life is good|on top of the world|on cloud nine|good mood|great mood)\b/ },
  {
    value: 'energetic',
    pattern:
      /\b(energetic|energi[sz]ed|pumped|hyped|hype|amped|fired up|pump me up|psyched|beast mode|wired|adrenaline|charged up)\b/,
  },
  { value: 'energetic', pattern: /\b(?<!(?:low|no|less|little|lower the) )energy\b/ },
  {
    value: 'calm',
    pattern:
      /\b(calm|calmer|chill|chilled|chilling|chillin|relaxed|relaxing|relax|mellow|peaceful|soothing|zen|laid back|laid - back|tranquil|serene|soft|softer|sleepy|cozy|cosy|gentle)\b/,
  },
  {
    value: 'sad',
    pattern:
      /\b(sad|sadder|saddest|depressed|depressing|heartbroken|heart broken|lonely|miserable|upset|crying|cry|gloomy|melancholy|melancholic|bummed|devastated|grieving|broke up|break up|breakup|heartbreak|hurting)\b/,
  },
  { value: 'sad', pattern: new RegExp(`\\b${FEEL} (down|blue|low)\\b`) },
  {
    value: 'sad',
    pattern: /\b(rough|bad|tough|awful|terrible|horrible|crappy|shit) (day|week|night|time)\b/,
  },
  { value: 'sad', pattern: /\b(feel|feeling|feelin) like (crap|shit|garbage)\b|\bi miss\b/ },
  {
    value: 'focused',
    pattern:
      /\b(focus|focused|focusing|concentrate|concentrating|concentration|in the zone|productive|locked in|zoned in)\b/,
  },
  {
    value: 'angry',
    pattern:
      /\b(angry|mad|pissed|furious|annoyed|frustrated|rage|raging|irritated|livid|fuming|enraged|hate everything|hate everyone)\b/,
  },
  {
    value: 'romantic',
    pattern:
      /\b(romantic|romance|in love|date night|love songs|(?<!i )love ballads?|a love song|sexy|candlelit|valentine|anniversary|slow dance)\b/,
  },
];

/** A "not" in front of a good mood reads as a bad one: "not happy", "not feeling great". */
const NEGATED_MOOD: Partial<Record<Mood, Mood>> = { happy: 'sad' };

const SELF_FEELING =
  /\b(i feel|i'm feeling|im feeling|i am feeling|feeling|feelin)\b(?! like (listening|hearing))/;

/**
 * The first mood the message states. When it only says how the listener
 * feels in words outside the lexicon ("I'm feeling meh"), wink's sentiment
 * decides between happy and sad; without a feeling word no mood is guessed.
 */
export function detectMood(text: AnalysedText): Mood | undefined {
  for (const match of findCues(text, MOOD_CUES)) {
    if (!match.negated) return match.value;
    const flipped = NEGATED_MOOD[match.value];
    if (flipped) return flipped;
  }
  if (SELF_FEELING.test(text.joined)) {
    if (text.sentiment >= 0.3) return 'happy';
    if (text.sentiment <= -0.3) return 'sad';
  }
  return undefined;
}
