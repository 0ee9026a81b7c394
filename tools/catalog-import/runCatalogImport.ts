import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  formatRejection,
  importCatalogTracks,
  parseMusicosetSongs,
  parseTidyTuesdayCsv,
  prepareImport,
  type ImportPlan,
  type ParsedRows,
} from '@qfzz/catalog';
import { SqliteEventStore } from '@qfzz/event-store';
import type { ImportArgs } from './args';
import { formatCount as fmt } from '@qfzz/terminal';
import { importProgressBar, importSnapshot, type ProgressState, type ProgressStream } from './importProgress';

/** How many rejected rows the summary lists. */
export const SHOWN_REJECTIONS = 20;

export interface ImportSummary {
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicateRows: number;
  /** Events appended, and how many of them were already in the log (a repeated import). */
  events: number;
  eventsAlreadyInLog: number;
  position: number;
  dbFile: string | undefined;
  /** `file row N: reason`, all of them. */
  rejections: string[];
}

export interface ImportIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  now?: () => number;
}

/** Reads, validates and appends; prints progress to stderr and the summary to stdout. */
export async function runCatalogImport(args: ImportArgs, io: ImportIo): Promise<ImportSummary> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  const bar = importProgressBar(io.stderr, now);
  const state: ProgressState = {
    phase: 'reading',
    rowsRead: 0,
    accepted: 0,
    rejected: 0,
    written: 0,
    toWrite: 0,
  };
  bar.update(importSnapshot(state));

  const parsed: ParsedRows[] = [];
  for (const part of readSources(args)) {
    parsed.push(part);
    state.rowsRead += part.rowsRead;
    state.rejected += part.rejected.length;
    bar.update(importSnapshot(state));
  }

  state.phase = 'validating';
  bar.update(importSnapshot(state));
  const plan: ImportPlan = prepareImport(parsed);
  state.accepted = plan.tracks.length;
  state.rejected = plan.rejected.length;
  state.toWrite = plan.tracks.length;

  let events = 0;
  let eventsAlreadyInLog = 0;
  let position = 0;
  let dbFile: string | undefined;
  if (!args.dryRun && plan.tracks.length > 0) {
    dbFile = path.join(args.dataDir, 'qfzz.db');
    state.phase = 'writing';
    bar.update(importSnapshot(state));
    const store = new SqliteEventStore({ file: dbFile });
    try {
      const result = await importCatalogTracks(store, plan.tracks, {
        chunkSize: args.chunkSize,
        actor: 'catalog-import',
        onProgress: (p) => {
          state.written = p.tracksWritten;
          bar.update(importSnapshot(state));
        },
      });
      events = result.eventIds.length;
      eventsAlreadyInLog = result.eventsAlreadyInLog;
      position = result.position;
    } finally {
      await store.close();
    }
  }
  state.phase = 'done';
  bar.done(importSnapshot(state));

  const summary: ImportSummary = {
    rowsRead: plan.rowsRead,
    accepted: plan.tracks.length,
    rejected: plan.rejected.length,
    duplicateRows: plan.duplicateRows,
    events,
    eventsAlreadyInLog,
    position,
    dbFile,
    rejections: plan.rejected.map(formatRejection),
  };
  io.stdout.write(summaryText(args, summary, (now() - started) / 1000));
  return summary;
}

export function summaryText(args: ImportArgs, s: ImportSummary, seconds: number): string {
  const lines = [
    args.dryRun
      ? `Dry run (${args.format}): nothing written.`
      : s.dbFile
        ? `Imported ${fmt(s.accepted)} tracks (${args.format}) into ${s.dbFile}.`
        : `Nothing to import (${args.format}): no valid tracks.`,
    `  rows read ${fmt(s.rowsRead)} · accepted ${fmt(s.accepted)} (one per trackId) · repeated rows folded in ${fmt(s.duplicateRows)} · rejected ${fmt(s.rejected)}`,
  ];
  if (s.dbFile)
    lines.push(
      `  events ${fmt(s.events)} (${fmt(s.eventsAlreadyInLog)} already in the log) · log position ${fmt(s.position)}`,
    );
  lines.push(`  ${seconds.toFixed(1)} s · ${fmt(Math.round(s.rowsRead / Math.max(seconds, 1e-3)))} rows/s`);
  if (s.rejections.length > 0) {
    const shown = s.rejections.slice(0, SHOWN_REJECTIONS);
    lines.push(
      `Rejected rows (${shown.length < s.rejections.length ? `first ${shown.length} of ${fmt(s.rejections.length)}` : fmt(s.rejections.length)}):`,
    );
    for (const line of shown) lines.push(`  ${line}`);
  }
  return lines.join('\n') + '\n';
}

/** The parsed files, one at a time, so progress moves while a big import reads. */
export function* readSources(args: ImportArgs): Generator<ParsedRows> {
  if (args.format === 'musicoset') {
    const dir = args.files[0];
    if (!isDirectory(dir)) throw new Error(`musicoset wants a folder, and ${dir} is not one`);
    const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
    yield parseMusicosetSongs(read('songs.csv'), read('acoustic_features.csv'), read('artists.csv'));
    return;
  }
  for (const file of expandCsvFiles(args.files))
    yield parseTidyTuesdayCsv(readFileSync(file, 'utf8'), path.basename(file));
}

/** Files as given; a folder stands for its `.csv` files in name order. */
export function expandCsvFiles(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    isDirectory(file)
      ? readdirSync(file)
          .filter((name) => name.toLowerCase().endsWith('.csv'))
          .sort()
          .map((name) => path.join(file, name))
      : [file],
  );
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
