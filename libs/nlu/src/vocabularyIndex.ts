import { compactKey, GENRE_ALIASES } from './genreAliases';
import type { Vocabulary } from './understanding';

export type MentionKind = 'genre' | 'artist';

export interface IndexedName {
  kind: MentionKind;
  /** The catalog's own spelling. */
  name: string;
  key: string;
  /** How many words the name has; a typo'd span must be about that long. */
  words: number;
}

/**
 * The catalog's names by compact key, with the aliases that resolve to a name
 * the catalog has. Built once per vocabulary object (the caller usually keeps
 * one), so a catalog of thousands of artists is indexed once, not per message.
 */
export interface VocabularyIndex {
  readonly exact: ReadonlyMap<string, IndexedName>;
  /** Candidates for typo matching, bucketed by first letter. */
  readonly byInitial: ReadonlyMap<string, readonly IndexedName[]>;
  /** Longest name in tokens, to bound the n-gram search. */
  readonly maxWords: number;
}

const cache = new WeakMap<Vocabulary, VocabularyIndex>();

export function indexVocabulary(vocabulary: Vocabulary): VocabularyIndex {
  const cached = cache.get(vocabulary);
  if (cached) return cached;
  const index = buildIndex(vocabulary);
  cache.set(vocabulary, index);
  return index;
}

function wordsIn(name: string): number {
  return name.split(/[\s\-/]+/).filter((word) => word !== '').length;
}

function buildIndex(vocabulary: Vocabulary): VocabularyIndex {
  const exact = new Map<string, IndexedName>();
  const add = (entry: IndexedName) => {
    if (entry.key !== '' && !exact.has(entry.key)) exact.set(entry.key, entry);
  };
  const genreByKey = new Map<string, string>();
  for (const genre of vocabulary.genres) genreByKey.set(compactKey(genre), genre);

  // Genres before artists: "Queen" the band should not shadow a genre key, and
  // a genre a catalog names after an artist is rare.
  for (const genre of vocabulary.genres) {
    add({ kind: 'genre', name: genre, key: compactKey(genre), words: wordsIn(genre) });
  }
  for (const artist of vocabulary.artists) {
    add({ kind: 'artist', name: artist, key: compactKey(artist), words: wordsIn(artist) });
    // "play the weeknd" and "play weeknd" are the same ask.
    const withoutThe = artist.replace(/^the\s+/i, '');
    if (withoutThe !== artist) {
      add({ kind: 'artist', name: artist, key: compactKey(withoutThe), words: wordsIn(withoutThe) });
    }
  }
  for (const [alias, candidates] of Object.entries(GENRE_ALIASES)) {
    if (exact.has(alias)) continue;
    const target = candidates.map((candidate) => genreByKey.get(compactKey(candidate))).find(Boolean);
    if (target) add({ kind: 'genre', name: target, key: alias, words: 1 });
  }

  const byInitial = new Map<string, IndexedName[]>();
  let maxWords = 1;
  for (const entry of exact.values()) {
    maxWords = Math.max(maxWords, entry.words);
    const bucket = byInitial.get(entry.key[0]) ?? [];
    bucket.push(entry);
    byInitial.set(entry.key[0], bucket);
  }
  return { exact, byInitial, maxWords: Math.min(maxWords + 1, 8) };
}
