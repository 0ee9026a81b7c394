import type { CatalogTrackInput, Imported } from '../api/types';
import { batches, CsvChunkParser, TidyTuesdayRows, type RowRejection } from './tidyCsv';

/** The API takes 10,000 a call; 1000 keeps each request small and progress smooth. */
export const IMPORT_BATCH = 1000;
const READ_CHUNK = 512 * 1024;

export interface ImportProgress {
  phase: 'reading' | 'uploading' | 'done' | 'failed';
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  tracks: number;
  sent: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** 0..1 over both phases (reading counts for a fifth). */
  fraction: number;
  error?: string;
}

export interface ImportResult extends ImportProgress {
  /** The first rejections: from the file (row numbers) and from the API (track ids). */
  problems: string[];
}

export type SendBatch = (tracks: CatalogTrackInput[]) => Promise<Imported>;

/**
 * Reads a TidyTuesday CSV a chunk at a time, then posts the tracks in
 * batches of `IMPORT_BATCH`, reporting progress after every chunk and batch.
 */
export async function importTidyTuesdayFile(
  file: Blob,
  send: SendBatch,
  onProgress: (progress: ImportProgress) => void,
  options: { batchSize?: number; chunkBytes?: number } = {},
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  const chunkBytes = options.chunkBytes ?? READ_CHUNK;
  const parser = new CsvChunkParser();
  const rows = new TidyTuesdayRows();
  const decoder = new TextDecoder('utf-8');
  const tracks: CatalogTrackInput[] = [];
  const problems: string[] = [];
  const progress: ImportProgress = {
    phase: 'reading',
    bytesRead: 0,
    bytesTotal: file.size,
    rowsRead: 0,
    tracks: 0,
    sent: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    fraction: 0,
  };
  const report = () => {
    const reading = progress.bytesTotal === 0 ? 1 : progress.bytesRead / progress.bytesTotal;
    const uploading =
      progress.tracks === 0 ? (progress.phase === 'reading' ? 0 : 1) : progress.sent / progress.tracks;
    progress.fraction = progress.phase === 'done' ? 1 : 0.2 * reading + 0.8 * uploading;
    onProgress({ ...progress });
  };
  const noteRowRejections = (list: RowRejection[]) => {
    for (const r of list.slice(0, Math.max(0, 20 - problems.length)))
      problems.push(`row ${r.row}: ${r.reason}`);
  };

  try {
    report();
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      const text = decoder.decode(bytes, { stream: offset + chunkBytes < file.size });
      tracks.push(...rows.take(parser.push(text)));
      progress.bytesRead = Math.min(file.size, offset + chunkBytes);
      progress.rowsRead = rows.rowsRead;
      progress.tracks = tracks.length;
      progress.duplicates = rows.duplicates;
      progress.rejected = rows.rejected.length;
      report();
    }
    tracks.push(...rows.take(parser.push(decoder.decode()).concat(parser.end())));
    progress.rowsRead = rows.rowsRead;
    progress.tracks = tracks.length;
    progress.rejected = rows.rejected.length;
    noteRowRejections(rows.rejected);

    progress.phase = 'uploading';
    report();
    for (const batch of batches(tracks, batchSize)) {
      const result = await send(batch);
      progress.sent += batch.length;
      progress.accepted += result.accepted;
      progress.rejected += result.rejected.length;
      for (const r of result.rejected) {
        if (problems.length >= 20) break;
        problems.push(`${batch[r.index]?.trackId ?? `#${r.index}`}: ${r.error}`);
      }
      report();
    }
    progress.phase = 'done';
    report();
  } catch (error) {
    progress.phase = 'failed';
    progress.error = error instanceof Error ? error.message : String(error);
    onProgress({ ...progress });
  }
  return { ...progress, problems };
}
