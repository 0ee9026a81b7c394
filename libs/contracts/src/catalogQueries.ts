import type { CatalogTrack } from '@qfzz/domain';

/** Queries the catalog (part of the recommender service) answers. */
export const CATALOG_SERVICE = 'catalog';

export const CatalogQuery = {
  /** `GetTracksRequest` -> `GetTracksResult`: look tracks up by id (the gateway checks interactions with it). */
  getTracks: 'getTracks',
  /** `SearchTracksRequest` -> `TrackPage` */
  search: 'search',
  /** `{}` -> `CatalogVocabulary`: the genre and artist names the catalog knows (for understanding messages). */
  vocabulary: 'vocabulary',
  /** `{}` -> `CatalogStats` */
  stats: 'stats',
} as const;

export interface GetTracksRequest {
  trackIds: string[];
}

export interface GetTracksResult {
  tracks: CatalogTrack[];
  /** Ids the catalog does not have, in request order. */
  missing: string[];
}

export interface SearchTracksRequest {
  genre?: string;
  artist?: string;
  /** Free text over title and artist. */
  q?: string;
  limit?: number;
  /** Opaque; from the previous page's `nextCursor`. */
  cursor?: string;
}

export interface TrackPage {
  tracks: CatalogTrack[];
  nextCursor?: string;
}

export interface CatalogVocabulary {
  genres: string[];
  artists: string[];
}

export interface CatalogStats {
  tracks: number;
  genres: number;
  artists: number;
  /** Log position of the last catalog event folded in. */
  position: number;
}
