import type { HoldoutSplit } from '@qfzz/recsys';
import type { Tagging } from './loadLastfm';

/**
 * Last.fm has no genres, but listeners tag artists ("rock", "female vocalists",
 * "seen live"); an artist's most used tag stands in for its genre. Taggings a
 * user made on an artist they hold out for testing are ignored: a tag there
 * would tell the model that the user knows that artist, which is the very
 * thing the test asks. Returns '' for an artist without any usable tag.
 */
export function artistGenres(taggings: readonly Tagging[], itemCount: number, split: HoldoutSplit): string[] {
  const counts: Map<string, number>[] = Array.from({ length: itemCount }, () => new Map());
  for (const { user, item, tag } of taggings) {
    if (user >= 0 && split.test[user]?.has(item)) continue;
    counts[item].set(tag, (counts[item].get(tag) ?? 0) + 1);
  }
  return counts.map((byTag) => {
    let best = '';
    let most = 0;
    for (const [tag, n] of byTag) if (n > most || (n === most && tag < best)) [best, most] = [tag, n];
    return best;
  });
}
