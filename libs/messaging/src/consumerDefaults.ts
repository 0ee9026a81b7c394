import type { ConsumerOptions } from './eventBus';

/** Defaults shared by both buses, so a consumer behaves alike in edge and cluster mode. */
export const DEFAULT_ACK_WAIT_MS = 30_000;
export const DEFAULT_MAX_DELIVER = 5;
export const DEFAULT_CONSUMER_BATCH = 50;
export const DEFAULT_RETRY_DELAY_MS = 250;

export interface ResolvedConsumerOptions {
  ackWaitMs: number;
  maxDeliver: number;
  batch: number;
  retryDelayMs: number;
}

export function resolveConsumerOptions(options: ConsumerOptions): ResolvedConsumerOptions {
  const maxDeliver = options.maxDeliver ?? DEFAULT_MAX_DELIVER;
  if (!Number.isInteger(maxDeliver) || maxDeliver < 1) {
    throw new RangeError(`maxDeliver must be an integer >= 1, got ${maxDeliver}`);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(options.durableName)) {
    throw new RangeError(`durableName must match [A-Za-z0-9_-]+, got "${options.durableName}"`);
  }
  return {
    ackWaitMs: options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS,
    maxDeliver,
    batch: options.batch ?? DEFAULT_CONSUMER_BATCH,
    retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
  };
}

/** The nak delay before delivery `deliveries + 1`: grows linearly, never beyond `ackWaitMs`. */
export function retryDelayFor(deliveries: number, resolved: ResolvedConsumerOptions): number {
  return Math.min(resolved.retryDelayMs * Math.max(1, deliveries), resolved.ackWaitMs);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
