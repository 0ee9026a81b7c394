import type { AnalysedText, AnalysedToken } from './analysedText';
import { damerauLevenshtein, typoBudget } from './editDistance';
import { compactKey } from './genreAliases';
import type { IndexedName, MentionKind, VocabularyIndex } from './vocabularyIndex';

export interface Mention {
  kind: MentionKind;
  name: string;
  /** First and one-past-last token of the words that named it. */
  from: number;
  to: number;
  /** Matched with a typo rather than exactly. */
  fuzzy: boolean;
}

/** Punctuation that can sit inside a name: "hip-hop", "r&b", "AC/DC", "guns n' roses". */
const JOINING_PUNCTUATION = new Set(['-', '&', '/', "'", '.', '+']);

/** A name never starts or ends on one of these, even when it would spell a name. */
const EDGE_WORDS = new Set([
  'the',
  'a',
  'an',
  'some',
  'any',
  'and',
  'or',
  'of',
  'to',
  'by',
  'for',
  'with',
  'me',
  'my',
]);

/**
 * Words one typo away from a name but that are English in their own right
 * ("queue" is one edit from "Queen"). Typo matching only starts from nouns,
 * proper nouns and adjectives; this list catches the rest.
 */
const NEVER_FUZZY = new Set([
  'queue',
  'music',
  'songs',
  'track',
  'tracks',
  'please',
  'something',
  'maybe',
  'party',
  'night',
  'study',
  'drive',
  'dance',
  'dancing',
  'happy',
  'green',
  'great',
  'house',
  'mood',
  'vibes',
  'sound',
  'sounds',
  'beats',
  'stuff',
  'tunes',
  'energy',
  'relax',
  'chill',
  'loved',
  'lover',
  'model',
  'metals',
  'later',
  'latte',
  'drunk',
  'adult',
]);
const FUZZY_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'X', 'SYM', 'INTJ']);

/** "my house", "my queen", "a country", "house party" are not the music. */
const POSSESSIVES = new Set(['my', 'your', 'our', 'his', 'her', 'their']);
const AMBIGUOUS_WORDS = new Set(['house', 'country', 'queen', 'trap', 'soul']);
const AMBIGUOUS_BEFORE = new Set(['a', 'an', 'the', 'at', 'in', 'this', 'that', 'whole']);
const AMBIGUOUS_AFTER = new Set(['party', 'parties', 'work', 'chores', 'road', 'side', 'mate', 'mates']);

function isWord(token: AnalysedToken): boolean {
  return token.kind === 'word' || token.kind === 'number';
}

function spanKey(tokens: readonly AnalysedToken[], from: number, to: number): string | undefined {
  let key = '';
  for (let index = from; index < to; index += 1) {
    const token = tokens[index];
    if (!isWord(token) && !JOINING_PUNCTUATION.has(token.normal)) return undefined;
    key += compactKey(token.normal);
  }
  return key;
}

function lookup(index: VocabularyIndex, key: string): IndexedName | undefined {
  const exact = index.exact.get(key);
  if (exact) return exact;
  // Plurals ("ballads", "metalheads"); short words are left alone so "this
  // song rocks" does not ask for rock.
  if (key.endsWith('s') && key.length > 5) return index.exact.get(key.slice(0, -1));
  return undefined;
}

function fuzzyLookup(index: VocabularyIndex, key: string, words: number): IndexedName | undefined {
  let best: IndexedName | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const entry of index.byInitial.get(key[0]) ?? []) {
    if (Math.abs(entry.words - words) > 1) continue;
    // The budget follows the catalog name ("clsical" is two edits from the
    // 9-letter "classical"), but a short word typed is never a typo: "blue" is not "blues".
    const budget = key.length < 5 ? 0 : typoBudget(entry.key.length);
    if (budget === 0) continue;
    const distance = damerauLevenshtein(key, entry.key, budget);
    if (distance <= budget && distance < bestDistance) {
      best = entry;
      bestDistance = distance;
    }
  }
  return best;
}

function canBeFuzzy(tokens: readonly AnalysedToken[], from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const token = tokens[index];
    if (!isWord(token)) continue;
    if (NEVER_FUZZY.has(token.normal) || !FUZZY_POS.has(token.pos)) return false;
  }
  return true;
}

function isAmbiguousUse(tokens: readonly AnalysedToken[], from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const before = tokens[from - 1]?.normal;
  const after = tokens[to]?.normal;
  if (before !== undefined && POSSESSIVES.has(before)) return true;
  if (!AMBIGUOUS_WORDS.has(tokens[from].normal)) return false;
  return (
    (before !== undefined && AMBIGUOUS_BEFORE.has(before)) ||
    (after !== undefined && AMBIGUOUS_AFTER.has(after))
  );
}

/**
 * Genres and artists named in a message, longest names first so "deep house"
 * wins over "house" and "k-pop" over "pop". Exact (case, separator, accent and
 * plural tolerant) matches are tried at every length before typo matches.
 */
export function findMentions(text: AnalysedText, index: VocabularyIndex): Mention[] {
  const { tokens } = text;
  const mentions: Mention[] = [];
  let from = 0;
  while (from < tokens.length) {
    const found = mentionAt(tokens, from, index);
    if (found) {
      mentions.push(found);
      from = found.to;
    } else {
      from += 1;
    }
  }
  return mentions;
}

function mentionAt(
  tokens: readonly AnalysedToken[],
  from: number,
  index: VocabularyIndex,
): Mention | undefined {
  if (!isWord(tokens[from]) || EDGE_WORDS.has(tokens[from].normal)) return undefined;
  const longest = Math.min(tokens.length, from + index.maxWords * 2);
  for (const fuzzy of [false, true]) {
    for (let to = longest; to > from; to -= 1) {
      const last = tokens[to - 1];
      if (!isWord(last) || (to - from > 1 && EDGE_WORDS.has(last.normal))) continue;
      const key = spanKey(tokens, from, to);
      if (!key) continue;
      const words = tokens.slice(from, to).filter(isWord).length;
      if (words > index.maxWords) continue;
      let entry: IndexedName | undefined;
      if (!fuzzy) entry = lookup(index, key);
      else if (canBeFuzzy(tokens, from, to)) entry = fuzzyLookup(index, key, words);
      if (entry && !isAmbiguousUse(tokens, from, to)) {
        return { kind: entry.kind, name: entry.name, from, to, fuzzy };
      }
    }
  }
  return undefined;
}
