import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@qfzz/domain';
import { CatchUpSubscription } from '../catchUp/catchUpSubscription';
import type { EventStore } from '../eventStore';
import type { CommitGate } from './commitGate';

export const anEvent = (type = 'TestHappened', data: unknown = { n: 1 }): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface HoleScenarioOutcome {
  slowPosition: number;
  fastPosition: number;
  /** Positions a live catch-up reader handed to its consumer, in order. */
  delivered: number[];
}

/**
 * The "hole" race: writer A takes a position and stalls before committing;
 * writer B takes the next position and commits; a catch-up reader is
 * following the log all along. A reader that moves its checkpoint past B
 * while A is still open never sees A.
 */
export async function runHoleScenario(
  store: EventStore,
  gate: CommitGate,
  tag = randomUUID(),
): Promise<HoleScenarioOutcome> {
  const start = await store.headPosition();
  const delivered: RecordedEvent[] = [];
  const reader = new CatchUpSubscription(store, {
    after: start,
    pollIntervalMs: 10,
    handle: (events) => {
      delivered.push(...events);
    },
  }).start();

  const slow = gate.hold(`hole-slow-${tag}`);
  const slowAppend = store.appendToStream(`hole-slow-${tag}`, [anEvent()]);
  await slow.reached;
  const fastAppend = store.appendToStream(`hole-fast-${tag}`, [anEvent()]);
  // Let B commit where the store allows it, and give the reader time to look.
  await Promise.race([fastAppend, sleep(150)]);
  await sleep(100);
  slow.release();
  const [slowResult, fastResult] = await Promise.all([slowAppend, fastAppend]);

  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && !delivered.some((e) => e.position === slowResult.lastPosition)) {
    if (
      reader.position >= Math.max(slowResult.lastPosition, fastResult.lastPosition) &&
      delivered.length >= 2
    )
      break;
    await sleep(20);
  }
  await sleep(50);
  await reader.stop();
  return {
    slowPosition: slowResult.lastPosition,
    fastPosition: fastResult.lastPosition,
    delivered: delivered.filter((e) => e.streamId.endsWith(tag)).map((e) => e.position),
  };
}
