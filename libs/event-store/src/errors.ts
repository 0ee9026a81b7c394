import type { ExpectedVersion } from './expectedVersion';

export class ExpectedVersionConflictError extends Error {
  readonly code = 'EXPECTED_VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected version ${String(expected)}, but it is at version ${actual}`);
    this.name = 'ExpectedVersionConflictError';
  }
}

export const isExpectedVersionConflict = (error: unknown): error is ExpectedVersionConflictError =>
  error instanceof ExpectedVersionConflictError ||
  (error instanceof Error && (error as { code?: string }).code === 'EXPECTED_VERSION_CONFLICT');

/**
 * An append reused event ids in a way that is not a plain retry: some ids are
 * new and some are already in the log, or the ids live in another stream.
 */
export class EventIdConflictError extends Error {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
    reason: string,
  ) {
    super(`Stream ${streamId}: event ids ${eventIds.join(', ')} ${reason}`);
    this.name = 'EventIdConflictError';
  }
}

export class InvalidAppendError extends Error {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
