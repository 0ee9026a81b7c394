import type { benchPlaylist } from '../suites/playlist';

type PlaylistResult = Awaited<ReturnType<typeof benchPlaylist>>;

const n = (value: number) => value.toLocaleString('en-US');
export const PLAYLIST_TARGETS = { tracks: 50_000, uncachedP50Ms: 2, uncachedP99Ms: 10, cachedMs: 0.5 };

const verdict = (ok: boolean) => (ok ? 'meets' : '**misses**');

export function playlistReport(
  r: PlaylistResult,
  { when, machine }: { when: string; machine: string },
): string {
  const rows = r.results
    .map(
      (x) =>
        `| ${n(x.tracks)} | ${x.uncachedMs.p50} | ${x.uncachedMs.p99} | ${x.cachedMs.p50} | ${x.cachedMs.p99} | ${x.uncachedNsPerTrack} | ${x.rawColumnPassMs.p50} | ${n(x.heapBytesPerTrack)} | ${n(x.indexBytesPerTrack)} |`,
    )
    .join('\n');
  const at = r.results.find((x) => x.tracks === PLAYLIST_TARGETS.tracks);
  const targetLines = at
    ? [
        `- uncached p50 <= ${PLAYLIST_TARGETS.uncachedP50Ms} ms at ${n(at.tracks)} tracks: ${at.uncachedMs.p50} ms — ${verdict(at.uncachedMs.p50 <= PLAYLIST_TARGETS.uncachedP50Ms)}`,
        `- uncached p99 <= ${PLAYLIST_TARGETS.uncachedP99Ms} ms: ${at.uncachedMs.p99} ms — ${verdict(at.uncachedMs.p99 <= PLAYLIST_TARGETS.uncachedP99Ms)}`,
        `- cached <= ${PLAYLIST_TARGETS.cachedMs} ms (p99): ${at.cachedMs.p99} ms — ${verdict(at.cachedMs.p99 <= PLAYLIST_TARGETS.cachedMs)}`,
      ].join('\n')
    : `- (no ${n(PLAYLIST_TARGETS.tracks)}-track run in this report)`;
  const perTrack = r.results.map((x) => x.uncachedNsPerTrack);
  const spread = perTrack.length > 1 ? Math.max(...perTrack) / Math.min(...perTrack) : 1;
  return `# Playlist benchmark

Written by \`npm run bench -- --suite playlist\` on ${when}. Machine: ${machine}.
Load average (1 / 5 / 15 min) when the suite started: ${r.loadAverage.before.join(' / ')}; when it ended:
${r.loadAverage.after.join(' / ')} (other jobs share the machine: a load above the core count shows in every latency, most in p99).
A playlist of ${r.playlistSize} for a listener with a lived-in profile (6 genres, 15 artists, 50 recent
interactions, 3 friends with 50 liked tracks), \`exclude: played\`, hour and activity varying per request,
co-listening learnt from 2,000 synthetic listeners; ${n(r.samples)} timed requests per size after ${n(r.warmup)} untimed ones
(warm-up), one after another on one thread.
Synthetic catalogs built through the real \`CatalogIndex\` (seeded: skewed artists, 36 genres, 5 % unknown energy).

| tracks | uncached p50 (ms) | uncached p99 (ms) | cached p50 (ms) | cached p99 (ms) | uncached ns per track (p50) | raw column pass p50 (ms) | heap bytes per track | \`memoryBytes()\` per track |
|---|---|---|---|---|---|---|---|---|
${rows}

Targets (issue 4):
${targetLines}
- cost linear in catalog size: ns per track at p50 ${perTrack.join(' / ')} — max/min ${spread.toFixed(2)}
  (flat per-track cost = linear total cost).

The raw column pass reads the same six columns of every row and adds them up, nothing else: the floor
any scorer over this index sits on, on this machine at this moment (the ratio shows the cost of the
scoring itself, and a loaded machine shows in both).

Uncached = \`PlaylistGenerator.generate\`: one pass over the catalog (seed formula, context, co-listening,
friends, popularity) reading a row pack the generator keeps per catalog version (a row's numbers in one
Float32Array, its codes in one Int32Array) and one per-request table of each code's weighted part, a bounded
heap of familiar candidates and per-genre heaps of discovery candidates, then MMR re-ranking, the genre
bandit and reasons (z-scores over all scored rows). Co-listening neighbours come from per-track typed-array
lists the model keeps until it changes. Cached = \`PlaylistService.generate\`
answered from \`LruHotCache\` (validation, key hash, JSON copy of the playlist).
Heap bytes per track is the heap delta of building the index (${r.results[0]?.gcExposed ? 'with' : 'without'} \`--expose-gc\`, so
${r.results[0]?.gcExposed ? 'after a full collection' : 'rough'}); \`memoryBytes()\` is the index's own estimate.
`;
}
