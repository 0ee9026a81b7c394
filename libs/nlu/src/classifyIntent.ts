import type { AnalysedText } from './analysedText';
import type { Mention } from './findMentions';
import type { Activity, Feedback, Intent, Mood } from './understanding';

/** What the other detectors found, which the intent depends on. */
export interface IntentSignals {
  wanted: readonly Mention[];
  ruledOut: readonly Mention[];
  mood?: Mood;
  activity?: Activity;
  feedback?: Feedback;
}

const ASK_TRUST =
  /\b(trust (?:level|score)|trust me|know me|about me\b|are we (?:friends|close)|how close are we|my profile|my stats|(?:learned|learnt|know) about my|what is my (?:taste|vibe)|my listening (?:stats|profile|history))/;

const ASK_COMMUNITY =
  /\b(my (?:friends|friend|community|circle|crew|mates|buddies|network|followers)|people like me|others (?:are )?listening|other (?:people|listeners)|what (?:are|is) (?:people|everyone|others)|everyone (?:is )?listening|trending|popular with|community)\b/;

/** An explicit ask for music, or for the music to change. */
const ASK_FOR_MUSIC = new RegExp(
  [
    '\\b(?:play|put on|put something|throw on|queue|spin|gimme|give me|hit me with|recommend|suggest|surprise me)\\b',
    "\\b(?:let me hear|let's hear|lets hear|want to hear|wanna hear|feel like (?:listening|hearing))\\b",
    '\\bi need (?:some |a |new )?(?:music|songs|tunes|something|a song|energy)\\b',
    '\\b(?:music|songs|tunes|something|anything) (?:for|to)\\b',
    '\\b(?:something|anything)\\b',
    '\\b(?:playlist|mix|how about|what about|got any|do you have|can i get|could i get|what should i (?:listen|play))\\b',
    '\\b(?:pump me up|slow it down|speed it up|turn (?:it )?(?:up|down)|turn up|tone it down|wake me up|help me)\\b',
    '\\b(?:party|focus|study|workout|gym|chill) mode\\b',
    '\\b(?:songs|tracks|music|tunes) (?:please|pls|plz)\\b',
  ].join('|'),
);

/** How people state a taste: about a genre or artist, not the track playing. */
const STATE_PREFERENCE =
  /\b(i (?:really |absolutely |just |totally |do |kinda |mostly |usually |always |often )?(?:love|like|enjoy|adore|dig|prefer|luv|hate|dislike|detest|listen to)|(?:i'm|im|i am|i are) (?:really |so |not really |not |totally |big |a )?(?:into|a|obsessed)|fan of|fan here|favou?rites?|my (?:jam|thing|queen|king|fav|go - to)|is life|the best|grew up (?:on|with)|been listening|listening to a lot|can not stand|cannot stand|overrated|not a fan|huge fan|big fan)\b/;

const GREETING_WORDS =
  /\b(good (?:morning|afternoon|evening|day|night)|what is up|whats up|wassup|sup|hi+|hello+|he+y+a?|hiya|yo+|howdy|greetings|morning|evening|hola|gm)\b/g;
const GREETING_FILLER = /\b(dj|there|everyone|friend|buddy|man|dude|all)\b/g;

/** "Hi", "hey DJ!", "good morning 👋": nothing but a greeting. */
export function isOnlyGreeting(text: AnalysedText): boolean {
  if (!text.joined.match(GREETING_WORDS)) return false;
  const rest = text.joined
    .replace(GREETING_WORDS, ' ')
    .replace(GREETING_FILLER, ' ')
    .replace(/[^a-z0-9]/g, '');
  return rest === '';
}

/** "some jazz", "any good reggae", "a bit of deep house": a genre asked for. */
function askedForByQuantity(text: AnalysedText, wanted: readonly Mention[]): boolean {
  return wanted.some((mention) => {
    const before = text.tokens
      .slice(Math.max(0, mention.from - 3), mention.from)
      .map((token) => token.normal)
      .join(' ');
    return /\b(some|sum|any|more|bit of|few|little)\b/.test(before);
  });
}

/**
 * The main intent, by precedence: questions about trust and community are
 * unmistakable; an ask for music wins over the feedback, mood or taste that
 * comes with it; feedback on the track playing wins over a mood; a genre or
 * artist named with no taste verb ("country please", "dnb!!") is an ask.
 */
export function classifyIntent(text: AnalysedText, signals: IntentSignals): Intent {
  const { joined } = text;
  if (ASK_TRUST.test(joined)) return 'ask_trust';
  if (ASK_COMMUNITY.test(joined)) return 'ask_community';
  if (isOnlyGreeting(text)) return 'greeting';

  const statesTaste = STATE_PREFERENCE.test(joined);
  const named = signals.wanted.length > 0 || signals.ruledOut.length > 0;
  const asks =
    ASK_FOR_MUSIC.test(joined) ||
    askedForByQuantity(text, signals.wanted) ||
    (signals.wanted.length > 0 && !statesTaste && !signals.feedback);
  if (asks) return 'request_recommendation';
  if (signals.feedback) return signals.feedback === 'positive' ? 'feedback_positive' : 'feedback_negative';
  if (named) return 'state_preference';
  if (signals.mood || signals.activity) return 'express_mood';
  return 'smalltalk';
}
