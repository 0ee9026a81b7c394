/** Tempo as a word; `POST /v1/catalog/tracks` also takes a BPM number and files it under one of these. */
export type Tempo = 'slow' | 'medium' | 'fast';

/** One track to import (API.md). Missing audio features are allowed; a missing mood is derived from valence and energy. */
export interface TrackInput {
  trackId: string;
  title: string;
  artist: string;
  genre: string;
  subgenre?: string;
  mood?: string;
  /** 0..1 */
  energy?: number;
  /** A word or beats per minute. */
  tempo?: Tempo | number;
  valence?: number;
  danceability?: number;
  durationMs?: number;
  tags?: string[];
}

/** A catalog track as the gateway shows it (genre, subgenre, mood and tags lower-cased). */
export interface CatalogTrack {
  trackId: string;
  title: string;
  artist: string;
  genre: string;
  subgenre?: string;
  mood?: string;
  energy?: number;
  tempo?: Tempo;
  bpm?: number;
  valence?: number;
  danceability?: number;
  durationMs?: number;
  tags?: string[];
  [field: string]: unknown;
}

/** 202 of `POST /v1/catalog/tracks` (admin). */
export interface TracksImported {
  accepted: number;
  /** Rows refused, with their index in the request and what is wrong (`tracks[3].energy: ...`). */
  rejected: { index: number; error: string }[];
  /** Indexes of rows a later row with the same trackId replaced. */
  superseded?: number[];
  /** Log position of the import, when something was written. */
  position?: number;
}

/** `GET /v1/catalog/tracks` query: filters combine. */
export interface SearchTracksOptions {
  genre?: string;
  artist?: string;
  /** Free text over title and artist. */
  q?: string;
  /** 1..100, default 20. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface TrackPage {
  tracks: CatalogTrack[];
  /** Present when there is another page. */
  nextCursor?: string;
}
