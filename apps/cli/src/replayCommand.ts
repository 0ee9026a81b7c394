import { join } from 'node:path';
import { SqliteEventStore } from '@qfzz/event-store';
import { EncryptingEventStore, SqliteDataKeyStore } from '@qfzz/privacy';
import { rebuildTasteProfiles, SqliteProfileReadModels, type RebuildReport } from '@qfzz/profile-projection';
import { formatCount, ProgressBar } from '@qfzz/terminal';

/** The projections a replay can rebuild, by the name users type. */
export const PROJECTIONS = ['taste-profiles'] as const;
export type ProjectionName = (typeof PROJECTIONS)[number];

export class UsageError extends Error {}

export function parseProjection(name: string | undefined): ProjectionName {
  const projection = name ?? 'taste-profiles';
  if (!(PROJECTIONS as readonly string[]).includes(projection)) {
    throw new UsageError(`--projection ${projection} is not known; choose one of: ${PROJECTIONS.join(', ')}`);
  }
  return projection as ProjectionName;
}

/**
 * Rebuilds a projection of the edge data dir from position 0 into a fresh
 * generation and swaps it in; a running edge server keeps serving meanwhile.
 * The log is opened as the edge server opens it: personal data sealed, with
 * the keys in `keys.db` beside it (a forgotten listener's events read as
 * `Redacted`, so a replay cannot bring them back).
 */
export async function replay(
  dataDir: string,
  projection: ProjectionName,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<RebuildReport> {
  const keys = new SqliteDataKeyStore(join(dataDir, 'keys.db'));
  const store = new EncryptingEventStore(new SqliteEventStore({ file: join(dataDir, 'qfzz.db') }), { keys });
  const readModels = new SqliteProfileReadModels(join(dataDir, 'read-models.db'));
  const bar = new ProgressBar({ unit: 'events', stream: stderr });
  try {
    const report = await rebuildTasteProfiles({
      store,
      readModels,
      onProgress: (p) =>
        bar.update({
          done: p.position,
          total: p.head,
          rate: p.eventsPerSecond,
          etaSeconds: p.etaSeconds,
          label: p.phase,
        }),
    });
    bar.done({ done: report.events, total: report.events, rate: report.eventsPerSecond, label: 'done' });
    stderr.write(
      `${projection}: ${formatCount(report.events)} events into ${formatCount(report.profiles)} profiles ` +
        `in ${report.seconds.toFixed(1)}s (${formatCount(Math.round(report.eventsPerSecond))} events/s), generation ${report.generation} is live\n`,
    );
    return report;
  } finally {
    await store.close();
    await keys.close();
    await readModels.close();
  }
}
