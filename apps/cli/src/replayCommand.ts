import { join } from 'node:path';
import { SqliteEventStore } from '@qfzz/event-store';
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
 */
export async function replay(
  dataDir: string,
  projection: ProjectionName,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<RebuildReport> {
  const store = new SqliteEventStore({ file: join(dataDir, 'qfzz.db') });
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
    await readModels.close();
  }
}
