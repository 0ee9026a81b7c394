import { createHash } from 'node:crypto';
import { canonicalJson, CATALOG_STREAM_ID, newQfzzEvent, type CatalogTrack } from '@qfzz/domain';
import type { EventStore } from '@qfzz/event-store';
import {
  validateCatalogTracks,
  type CatalogRejection,
  type CatalogSuperseded,
} from '../rows/validateCatalogTracks';

export const DEFAULT_IMPORT_CHUNK = 1000;

export interface ImportProgress {
  /** Chunks (events) done so far, and in all. */
  chunk: number;
  chunks: number;
  tracksWritten: number;
  tracks: number;
  /** Log position of the chunk's event. */
  position: number;
  /** The chunk's event was already in the log (a retried import): nothing new written. */
  alreadyAppended: boolean;
}

export interface ImportCatalogOptions {
  /** Tracks per `TracksAddedToCatalog` event (default 1000, about 0.3 MB of JSON). */
  chunkSize?: number;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /**
   * Part of every event id. Leave it out and a retry of the same tracks is a
   * no-op; pass a new one to append the same content again on purpose (e.g.
   * to restore values a later import overwrote).
   */
  importId?: string;
  /** `metadata.actor` of the events (default `admin`). */
  actor?: string;
  correlationId?: string;
}

export interface ImportCatalogResult {
  /** Tracks written (or found already written), one per trackId. */
  accepted: number;
  /** Items that failed validation; nothing of them is written. */
  rejected: CatalogRejection[];
  /** Items replaced by a later item with the same trackId in the same call. */
  superseded: CatalogSuperseded[];
  /** Position of the last event: a catalog at this position has every accepted track. 0 when nothing was accepted. */
  position: number;
  eventIds: string[];
  /** Events that were already in the log (a retried import), so not written again. */
  eventsAlreadyInLog: number;
}

/**
 * Validates tracks with the API's rules and appends the valid ones to the
 * `catalog` stream as `TracksAddedToCatalog` events, `chunkSize` at a time.
 * Each event's id is the sha256 of its chunk's canonical JSON, so running the
 * same import again (after a crash halfway, or twice) writes nothing new: the
 * log recognises every id it already holds. The index is idempotent on
 * trackId besides, so even a repeated event would change nothing.
 */
export async function importCatalogTracks(
  store: EventStore,
  tracks: readonly unknown[],
  options: ImportCatalogOptions = {},
): Promise<ImportCatalogResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_IMPORT_CHUNK;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError('chunkSize must be a whole number >= 1');
  const { accepted, rejected, superseded } = validateCatalogTracks(tracks);
  const chunks: CatalogTrack[][] = [];
  for (let at = 0; at < accepted.length; at += chunkSize) chunks.push(accepted.slice(at, at + chunkSize));

  let position = 0;
  let tracksWritten = 0;
  let eventsAlreadyInLog = 0;
  const eventIds: string[] = [];
  for (const [at, chunk] of chunks.entries()) {
    const eventId = catalogEventId(chunk, options.importId);
    const event = newQfzzEvent(
      'TracksAddedToCatalog',
      { tracks: chunk },
      {
        eventId,
        metadata: {
          actor: options.actor ?? 'admin',
          ...(options.correlationId ? { correlationId: options.correlationId } : {}),
        },
      },
    );
    // One event per append: each is either new or a retry, never a mix the log would refuse.
    const result = await store.appendToStream(CATALOG_STREAM_ID, [event]);
    position = result.lastPosition;
    tracksWritten += chunk.length;
    eventIds.push(eventId);
    if (result.alreadyAppended) eventsAlreadyInLog++;
    await options.onProgress?.({
      chunk: at + 1,
      chunks: chunks.length,
      tracksWritten,
      tracks: accepted.length,
      position,
      alreadyAppended: result.alreadyAppended,
    });
  }
  return { accepted: accepted.length, rejected, superseded, position, eventIds, eventsAlreadyInLog };
}

/** `catalog-<sha256 of the chunk's canonical JSON>`: the same tracks always give the same id. */
export function catalogEventId(tracks: readonly CatalogTrack[], importId?: string): string {
  const content = canonicalJson(importId === undefined ? { tracks } : { importId, tracks });
  return `catalog-${createHash('sha256').update(content).digest('hex')}`;
}
