import { streamKindOf, type RecordedEvent, type StreamKind } from '@qfzz/domain';
import { CatchUpSubscription, type EventStore } from '@qfzz/event-store';
import {
  resolveConsumerOptions,
  retryDelayFor,
  errorMessage,
  type ResolvedConsumerOptions,
} from '../consumerDefaults';
import type { ConsumerOptions, DeadLetter, EventBus, RunningConsumer } from '../eventBus';
import { Sleeper, withDeadline } from '../handlerDeadline';
import { InMemoryCheckpointStore, type CheckpointStore } from './checkpointStore';

export interface InProcessEventBusOptions {
  /** Where each durable keeps its log position. Default: in memory (replays from 0 after a restart). */
  checkpoints?: CheckpointStore;
  /** Events read from the log per batch; the checkpoint is saved after each batch. Default 500. */
  readBatchSize?: number;
  /** How often to look for appends by other processes. Default 100 ms. */
  pollIntervalMs?: number;
  /** Called for each dead letter, after it is recorded. */
  onDeadLetter?: (letter: DeadLetter) => void;
}

interface Member {
  options: ConsumerOptions;
  resolved: ResolvedConsumerOptions;
  inFlight: Promise<unknown>;
}

class ConsumerStopped extends Error {
  constructor(durableName: string) {
    super(`consumer ${durableName} stopped`);
  }
}

/** All consumers of one durable name: one reader on the log, events handed round-robin to the members. */
class ConsumerGroup {
  private readonly members: Member[] = [];
  private turn = 0;
  private stopped = false;
  private subscription: CatchUpSubscription | undefined;
  private readonly sleeper = new Sleeper();

  constructor(
    readonly durableName: string,
    readonly streamKind: StreamKind | undefined,
    private readonly store: EventStore,
    private readonly bus: Required<Omit<InProcessEventBusOptions, 'onDeadLetter'>> &
      Pick<InProcessEventBusOptions, 'onDeadLetter'>,
    private readonly recordDeadLetter: (letter: DeadLetter) => void,
  ) {}

  get size(): number {
    return this.members.length;
  }

  async start(): Promise<void> {
    const after = await this.bus.checkpoints.get(this.durableName);
    this.subscription = new CatchUpSubscription(this.store, {
      after,
      batchSize: this.bus.readBatchSize,
      pollIntervalMs: this.bus.pollIntervalMs,
      handle: (events, nextPosition) => this.handleBatch(events, nextPosition),
      onError: (error) => {
        if (!(error instanceof ConsumerStopped)) this.members[0]?.options.onError?.(error);
      },
    }).start();
  }

  add(member: Member): void {
    this.members.push(member);
  }

  /** Resolves when the member is out; stops the log reader when it was the last one. */
  async remove(member: Member): Promise<void> {
    const at = this.members.indexOf(member);
    if (at !== -1) this.members.splice(at, 1);
    if (this.members.length === 0) {
      this.stopped = true;
      const stopping = this.subscription?.stop();
      this.sleeper.wake();
      await stopping;
    }
    await member.inFlight.catch(() => undefined);
  }

  async stopAll(): Promise<void> {
    const inFlight = this.members.splice(0).map((member) => member.inFlight.catch(() => undefined));
    this.stopped = true;
    const stopping = this.subscription?.stop();
    this.sleeper.wake();
    await Promise.all([stopping, ...inFlight]);
  }

  private async handleBatch(events: RecordedEvent[], nextPosition: number): Promise<void> {
    for (const event of events) {
      if (this.streamKind && streamKindOf(event.streamId) !== this.streamKind) continue;
      await this.deliver(event);
    }
    if (this.stopped) throw new ConsumerStopped(this.durableName);
    await this.bus.checkpoints.set(this.durableName, nextPosition);
  }

  private nextMember(): Member {
    if (this.stopped || this.members.length === 0) throw new ConsumerStopped(this.durableName);
    const member = this.members[this.turn % this.members.length];
    this.turn = (this.turn + 1) % this.members.length;
    return member;
  }

  /** Up to `maxDeliver` attempts, each bounded by `ackWaitMs`, then a dead letter; the log reader waits meanwhile (ordered). */
  private async deliver(event: RecordedEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const member = this.nextMember();
      const work = withDeadline(() => member.options.handle(event), member.resolved.ackWaitMs);
      member.inFlight = work;
      try {
        await work;
        return;
      } catch (error) {
        member.options.onError?.(error, event);
        if (attempt >= member.resolved.maxDeliver) {
          this.recordDeadLetter({
            event,
            durableName: this.durableName,
            reason: errorMessage(error),
            deliveries: attempt,
          });
          return;
        }
        await this.sleeper.sleep(retryDelayFor(attempt, member.resolved));
      }
    }
  }
}

/**
 * The edge-mode bus: no broker, the log itself is the bus. `publish` does
 * nothing (the event is already in the log); each durable name follows the log
 * with a CatchUpSubscription from its checkpoint. Consumers with the same
 * durable name share the events round-robin, one event at a time, so per-stream
 * order is kept; a failing handler is retried, then dead-lettered in memory.
 */
export class InProcessEventBus implements EventBus {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly letters: DeadLetter[] = [];
  private readonly settings: ConstructorParameters<typeof ConsumerGroup>[3];

  constructor(
    private readonly store: EventStore,
    options: InProcessEventBusOptions = {},
  ) {
    this.settings = {
      checkpoints: options.checkpoints ?? new InMemoryCheckpointStore(),
      readBatchSize: options.readBatchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 100,
      onDeadLetter: options.onDeadLetter,
    };
  }

  async publish(_events: readonly RecordedEvent[]): Promise<void> {
    // The log is the bus: appended events are already visible to consumers.
  }

  /** The log head: everything in the log is "published". */
  lastPublishedPosition(): Promise<number> {
    return this.store.headPosition();
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    const member: Member = {
      options,
      resolved: resolveConsumerOptions(options),
      inFlight: Promise.resolve(),
    };
    let group = this.groups.get(options.durableName);
    if (group && group.streamKind !== options.streamKind) {
      throw new Error(
        `consumer "${options.durableName}" already follows stream kind ${group.streamKind ?? 'all'}, not ${options.streamKind ?? 'all'}`,
      );
    }
    if (!group) {
      group = new ConsumerGroup(
        options.durableName,
        options.streamKind,
        this.store,
        this.settings,
        (letter) => {
          this.letters.push(letter);
          this.settings.onDeadLetter?.(letter);
        },
      );
      group.add(member);
      this.groups.set(options.durableName, group);
      await group.start();
    } else {
      group.add(member);
    }
    const joined = group;
    let stopped = false;
    return {
      stop: async () => {
        if (stopped) return;
        stopped = true;
        if (joined.size === 1 && this.groups.get(options.durableName) === joined)
          this.groups.delete(options.durableName);
        await joined.remove(member);
      },
    };
  }

  /** Dead letters recorded since this bus started, oldest first (all durables, or one). */
  deadLetters(durableName?: string): DeadLetter[] {
    return this.letters.filter((letter) => durableName === undefined || letter.durableName === durableName);
  }

  async close(): Promise<void> {
    const groups = [...this.groups.values()];
    this.groups.clear();
    await Promise.all(groups.map((group) => group.stopAll()));
  }
}
