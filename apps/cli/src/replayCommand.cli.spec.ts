import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldTasteProfile, listenerStreamId } from '@qfzz/domain';
import { SqliteEventStore } from '@qfzz/event-store';
import { EncryptingEventStore, SqliteDataKeyStore } from '@qfzz/privacy';
import { SqliteProfileReadModels } from '@qfzz/profile-projection';
import { appendSimulatedListening } from '@qfzz/profile-projection/testing';

const root = join(__dirname, '../../..');
const qfzz = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('qfzz replay', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'qfzz-cli-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rebuilds the taste profiles of a data dir with progress on stderr and a report on stdout', async () => {
    const store = new SqliteEventStore({ file: join(dataDir, 'qfzz.db') });
    const ids = await appendSimulatedListening(store, { listeners: 12, events: 4000, batch: 10 });

    const run = qfzz(['replay', '--data-dir', dataDir]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/rebuilding +\[#+\.*\] +\d+\.\d%/);
    expect(run.stderr).toMatch(/events\/s/);
    expect(run.stderr).toMatch(/taste-profiles: 4,000 events into 12 profiles/);
    expect(JSON.parse(run.stdout)).toMatchObject({ events: 4000, profiles: 12, generation: 2 });

    const readModels = new SqliteProfileReadModels(join(dataDir, 'read-models.db'));
    for (const id of ids) {
      const stream = await store.readStream(listenerStreamId(id));
      expect((await readModels.live().get(id))?.profile).toEqual(foldTasteProfile(id, stream));
    }
    await readModels.close();
    await store.close();
  }, 90_000);

  it('opens a sealed log the way the edge server does (keys.db beside it), and folds what listeners wrote', async () => {
    const keys = new SqliteDataKeyStore(join(dataDir, 'keys.db'));
    const store = new EncryptingEventStore(new SqliteEventStore({ file: join(dataDir, 'qfzz.db') }), {
      keys,
    });
    const ids = await appendSimulatedListening(store, { listeners: 6, events: 1500, batch: 10 });
    const [forgotten] = ids;
    await store.forget(forgotten);

    const run = qfzz(['replay', '--data-dir', dataDir]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ events: 1501, profiles: 6 });

    const readModels = new SqliteProfileReadModels(join(dataDir, 'read-models.db'));
    for (const id of ids) {
      const stream = await store.readStream(listenerStreamId(id));
      const profile = (await readModels.live().get(id))?.profile;
      expect(profile).toEqual(foldTasteProfile(id, stream));
      if (id === forgotten)
        expect(profile).toMatchObject({ forgotten: true, genres: {}, recentInteractions: [] });
      else expect(profile?.recentInteractions.length).toBeGreaterThan(0);
    }
    await readModels.close();
    await store.close();
    await keys.close();
  }, 90_000);

  it('refuses an unknown projection with the list of known ones, changing nothing', () => {
    const run = qfzz(['replay', '--projection', 'nope', '--data-dir', dataDir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--projection nope is not known; choose one of: taste-profiles');
  }, 60_000);

  it('explains itself', () => {
    expect(qfzz(['help']).stdout).toContain('qfzz replay');
    expect(qfzz(['dance']).status).toBe(2);
  }, 60_000);
});
