import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CatalogProjection } from '@qfzz/catalog';
import { CATALOG_STREAM_ID } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { runCatalogImport } from './runCatalogImport';
import { SMALL_CSV, tracksDir, workspaceRoot } from './testSupport';

function sink() {
  const lines: string[] = [];
  return { write: (s: string) => lines.push(s), text: () => lines.join('') };
}

async function readCatalog(dbFile: string) {
  const store = new SqliteEventStore({ file: dbFile });
  const projection = new CatalogProjection(store).start();
  try {
    await projection.caughtUp();
    return {
      stats: projection.index.stats(),
      ids: projection.index.search({ limit: 500 }).tracks.map((t) => t.trackId),
      track: (id: string) => projection.index.get([id]).tracks[0],
      events: (await store.readStream(CATALOG_STREAM_ID)).length,
    };
  } finally {
    await projection.stop();
    await store.close();
  }
}

describe('catalog-import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'qfzz-catalog-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs end to end as a CLI: a small CSV into a fresh data dir, progress on stderr, summary on stdout', async () => {
    const csv = path.join(dir, 'small.csv');
    writeFileSync(csv, SMALL_CSV);
    const dataDir = path.join(dir, 'data');
    const root = workspaceRoot();
    const run = () =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'tools/catalog-import/main.ts',
          '--format',
          'tidytuesday',
          '--data-dir',
          dataDir,
          '--chunk-size',
          '2',
          csv,
        ],
        { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' }, encoding: 'utf8' },
      );

    const first = run();
    expect(first.stderr).not.toContain('failed');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Imported 4 tracks (tidytuesday) into ${path.join(dataDir, 'qfzz.db')}.`);
    expect(first.stdout).toContain(
      'rows read 7 · accepted 4 (one per trackId) · repeated rows folded in 1 · rejected 2',
    );
    expect(first.stdout).toContain('events 2 (0 already in the log)');
    expect(first.stdout).toContain(
      'Rejected rows (2):\n  small.csv row 3: track_name, track_artist are "NA" (missing in the source)\n  small.csv row 6: energy: must be between 0 and 1\n',
    );
    expect(first.stderr).toMatch(
      /done +\[#+\] 100\.0% {2}4\/4 tracks {2}[\d,]+ tracks\/s {2}7 rows read · 4 accepted · 2 rejected/,
    );

    const catalog = await readCatalog(path.join(dataDir, 'qfzz.db'));
    expect(catalog.stats).toMatchObject({ tracks: 4, genres: 4, artists: 4 });
    expect(catalog.ids).toEqual(['id1', 'id3', 'id5', 'id6']);
    expect(catalog.track('id1')).toMatchObject({
      genre: 'pop',
      tempo: 'fast',
      tags: ['edm', 'electro house'],
    });
    expect(catalog.track('id3')).toMatchObject({ genre: 'r&b', tempo: 'slow', mood: 'sad' });

    // The same import again: every event is already in the log, nothing new is written.
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('events 2 (2 already in the log)');
    expect((await readCatalog(path.join(dataDir, 'qfzz.db'))).events).toBe(2);
  });

  it('exits 2 with the usage on bad arguments', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tools/catalog-import/main.ts', '--format', 'jazz', 'x'],
      {
        cwd: workspaceRoot(),
        env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' },
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('catalog-import: unknown --format "jazz"');
    expect(result.stderr).toContain('Usage: catalog-import');
  });

  it('imports the real MusicOSet folder, listing the first 20 rejected rows by row number', async () => {
    const stdout = sink();
    const stderr = sink();
    const summary = await runCatalogImport(
      { format: 'musicoset', dataDir: dir, files: [path.join(tracksDir(), 'musicoset')], dryRun: false },
      { stdout, stderr },
    );
    expect(summary).toMatchObject({
      rowsRead: 20405,
      accepted: 18424,
      rejected: 1981,
      events: 19,
      eventsAlreadyInLog: 0,
    });
    const text = stdout.text();
    expect(text).toContain(
      'Rejected rows (first 20 of 1,981):\n  songs.csv row 11: no genre: none of its artists has one (Bobby Helms)\n',
    );
    expect(text.split('\n').filter((line) => line.startsWith('  songs.csv row '))).toHaveLength(20);
    expect((await readCatalog(path.join(dir, 'qfzz.db'))).stats.tracks).toBe(18424);
  });

  it('--dry-run reads and validates every TidyTuesday part and writes nothing', async () => {
    const stdout = sink();
    const summary = await runCatalogImport(
      {
        format: 'tidytuesday',
        dataDir: dir,
        files: [path.join(tracksDir(), 'tidytuesday-spotify-songs')],
        dryRun: true,
      },
      { stdout, stderr: sink() },
    );
    expect(summary).toMatchObject({
      rowsRead: 32833,
      accepted: 28352,
      rejected: 5,
      duplicateRows: 4476,
      events: 0,
      dbFile: undefined,
    });
    expect(stdout.text()).toMatch(/^Dry run \(tidytuesday\): nothing written\./);
  });
});
