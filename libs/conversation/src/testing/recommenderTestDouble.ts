import {
  PlaylistQuery,
  RECOMMENDER_SERVICE,
  type Playlist,
  type PlaylistRequest,
  type PlaylistTrack,
} from '@qfzz/contracts';
import type { CatalogTrack } from '@qfzz/domain';
import type { QueryBus, QueryResponder } from '@qfzz/messaging';

/** The energy a mood or an activity asks for, in this test double only (the real recommender has its own model). */
const TARGET_ENERGY: Record<string, number> = {
  energetic: 0.9,
  happy: 0.75,
  angry: 0.85,
  focused: 0.4,
  romantic: 0.4,
  sad: 0.25,
  calm: 0.15,
  working_out: 0.9,
  party: 0.85,
  cooking: 0.55,
  working: 0.45,
  studying: 0.35,
  winding_down: 0.15,
};

/**
 * TEST DOUBLE for the recommender (built elsewhere): answers `recommender.generate`
 * with tracks of the given catalog ordered by closeness to the energy the
 * request's activity and mood ask for (their mean when both are given), and
 * records every request so tests can check what the DJ asked for.
 */
export async function serveRecommenderTestDouble(
  queryBus: QueryBus,
  catalog: readonly CatalogTrack[],
): Promise<{ requests: PlaylistRequest[]; responder: QueryResponder }> {
  const requests: PlaylistRequest[] = [];
  const responder = await queryBus.respond<PlaylistRequest, Playlist>(
    RECOMMENDER_SERVICE,
    PlaylistQuery.generate,
    (request) => {
      requests.push(request);
      const targets = [request.activity, request.mood]
        .map((key) => (key ? TARGET_ENERGY[key] : undefined))
        .filter((value): value is number => value !== undefined);
      const target = targets.length ? targets.reduce((a, b) => a + b, 0) / targets.length : undefined;
      const ordered = [...catalog].sort((a, b) =>
        target === undefined
          ? a.trackId.localeCompare(b.trackId)
          : Math.abs((a.energy ?? 0.5) - target) - Math.abs((b.energy ?? 0.5) - target) ||
            a.trackId.localeCompare(b.trackId),
      );
      const tracks: PlaylistTrack[] = ordered.slice(0, request.size ?? 20).map((track, index) => ({
        trackId: track.trackId,
        title: track.title,
        artist: track.artist,
        genre: track.genre,
        score: 1 - index / 100,
        reason: target === undefined ? 'test double: catalog order' : `test double: energy near ${target}`,
        discovery: false,
      }));
      return { tracks, generatedAt: new Date().toISOString(), profileVersion: 0 };
    },
  );
  return { requests, responder };
}

/** The mean catalog energy of some tracks. */
export function meanEnergy(tracks: readonly { trackId: string }[], catalog: readonly CatalogTrack[]): number {
  const energies = tracks.map(
    (track) => catalog.find((entry) => entry.trackId === track.trackId)?.energy ?? 0.5,
  );
  return energies.reduce((sum, energy) => sum + energy, 0) / Math.max(1, energies.length);
}
