import type { NamedTrack } from './replyPlan';

/** "“So What” by Miles Davis" or, lacking a title, "this one". */
export function trackName(track: NamedTrack | undefined): string | undefined {
  if (!track?.title) return undefined;
  return track.artist ? `“${track.title}” by ${track.artist}` : `“${track.title}”`;
}

/** The first few tracks, as a list a person would say. */
export function trackList(tracks: readonly NamedTrack[], most = 3): string | undefined {
  const names = tracks
    .slice(0, most)
    .map(trackName)
    .filter((name): name is string => name !== undefined);
  return listInWords(names);
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
