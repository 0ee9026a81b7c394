import type { AnalysedText } from './analysedText';
import type { Mention } from './findMentions';

/**
 * Words that end the reach of a "not" or a "hate": "I don't like rock, play
 * jazz" rules out rock only.
 */
const CLAUSE_BREAKS = new Set([',', '.', ';', '!', '?', ':', 'but', 'instead', 'so', 'and then', '-']);

/** Cues that rule out what follows them in the same clause. */
const EXCLUDING_BEFORE =
  /\b(hate|hates|dislike|detest|loathe|can not stand|cannot stand|cant stand|sick of|tired of|fed up with|no more|had enough of|except|excluding|without|instead of|rather than|over|skip|anything but|everything but|all but|not a fan of|nothing)\b/;

/** "drake is overrated" rules out what precedes it. */
const EXCLUDING_AFTER = /\b(is overrated|is trash|is garbage|sucks|is the worst|is terrible|is awful)\b/;

/**
 * Whether a genre or artist was named to rule it out. wink's negation model
 * covers "no jazz", "not in the mood for rock", "I don't like rap"; the cue
 * list covers what it does not see as negation ("I hate country", "anything
 * but country", "deep house over techno").
 */
export function isMentionNegated(text: AnalysedText, mention: Mention): boolean {
  const { tokens } = text;
  const inScope = tokens.slice(mention.from, mention.to).some((token) => token.negated);
  if (inScope && !cancelsNegation(text, mention)) return true;

  const clauseStart = clauseBoundaryBefore(text, mention.from);
  const before = tokens
    .slice(clauseStart, mention.from)
    .map((token) => token.normal)
    .join(' ');
  // "anything but country": "but" breaks clauses, so look just past it too.
  const justBefore = tokens
    .slice(Math.max(0, mention.from - 2), mention.from)
    .map((token) => token.normal)
    .join(' ');
  if (/\b(anything|everything|all) but$/.test(justBefore)) return true;
  if (EXCLUDING_BEFORE.test(before)) return true;

  const clauseEnd = clauseBoundaryAfter(text, mention.to);
  const after = tokens
    .slice(mention.to, clauseEnd)
    .map((token) => token.normal)
    .join(' ');
  return EXCLUDING_AFTER.test(after);
}

/** "why not some jazz?" and "can't get enough of jazz" are yeses. */
function cancelsNegation(text: AnalysedText, mention: Mention): boolean {
  const before = text.tokens
    .slice(Math.max(0, mention.from - 6), mention.from)
    .map((token) => token.normal)
    .join(' ');
  return /\bwhy not\b/.test(before) || /\bnot get enough\b/.test(before) || /\bnot only\b/.test(before);
}

function clauseBoundaryBefore(text: AnalysedText, from: number): number {
  for (let index = from - 1; index >= 0; index -= 1) {
    if (CLAUSE_BREAKS.has(text.tokens[index].normal)) return index + 1;
  }
  return 0;
}

function clauseBoundaryAfter(text: AnalysedText, to: number): number {
  for (let index = to; index < text.tokens.length; index += 1) {
    if (CLAUSE_BREAKS.has(text.tokens[index].normal)) return index;
  }
  return text.tokens.length;
}
