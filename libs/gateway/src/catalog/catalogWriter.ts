import type { WriteContext } from '../http/requestContext';

export interface CatalogImportResult {
  accepted: number;
  rejected: { index: number; error: string }[];
  /** Items replaced by a later item with the same trackId in the same call. */
  superseded?: { index: number; by: number }[];
  /** Log position of the catalog write, when anything was written. */
  position?: number;
}

/**
 * The port behind `POST /v1/catalog/tracks`: validate each row and write the
 * good ones to the catalog stream (idempotent on trackId). The composition
 * root provides it from the catalog service library.
 */
export interface CatalogWriter {
  importTracks(rows: readonly unknown[], write: WriteContext): Promise<CatalogImportResult>;
}
