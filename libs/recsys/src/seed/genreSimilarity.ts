import { tasteKey } from '../taste/tasteKey';

/**
 * Genre families from the seed: a head genre and the genres that sound close
 * to it. The seed lists rock and jazz; the other families extend the same idea
 * to the genres our catalogs actually carry (TidyTuesday's edm/rap/r&b/latin
 * playlists, MusicOSet's Spotify genres).
 */
export const GENRE_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  rock: ['alternative', 'indie', 'punk', 'metal'],
  jazz: ['blues', 'soul', 'funk', 'swing'],
  electronic: ['edm', 'house', 'techno', 'trance'],
  'hip-hop': ['rap', 'trap', 'r&b'],
  pop: ['dance pop', 'k-pop', 'electropop'],
  classical: ['baroque', 'opera', 'orchestral', 'chamber music'],
  country: ['folk', 'bluegrass', 'americana'],
  latin: ['reggaeton', 'salsa', 'tropical', 'bossa nova'],
};

/**
 * Similarity is symmetric and one step only: `alternative` is similar to
 * `rock` and `rock` to `alternative`, but `alternative` is not similar to
 * `punk` (two members of a family are cousins, not neighbours).
 */
function buildSimilarityIndex(
  families: Readonly<Record<string, readonly string[]>>,
): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    const set = index.get(a) ?? new Set<string>();
    set.add(b);
    index.set(a, set);
  };
  for (const [head, members] of Object.entries(families)) {
    for (const member of members) {
      link(tasteKey(head), tasteKey(member));
      link(tasteKey(member), tasteKey(head));
    }
  }
  return index;
}

const SIMILAR_GENRES = buildSimilarityIndex(GENRE_FAMILIES);
const NONE: ReadonlySet<string> = new Set();

/** The genres that count as "similar" to `genre` (never `genre` itself). */
export function similarGenres(genre: string): ReadonlySet<string> {
  return SIMILAR_GENRES.get(tasteKey(genre)) ?? NONE;
}
