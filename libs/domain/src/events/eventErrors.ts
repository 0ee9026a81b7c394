import type { ZodError, ZodIssue } from 'zod';

export interface SchemaIssue {
  /** Where in the event, e.g. `data.track.energy` or `data.tracks[2].trackId`. */
  path: string;
  message: string;
}

/** Names every offending field, so a client or an operator can fix the input without reading code. */
export class SchemaValidationError extends Error {
  override readonly name = 'SchemaValidationError';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly issues: readonly SchemaIssue[],
  ) {
    super(
      `${eventType} v${schemaVersion} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }

  static fromZod(eventType: string, schemaVersion: number, error: ZodError): SchemaValidationError {
    return new SchemaValidationError(eventType, schemaVersion, error.issues.map(toSchemaIssue));
  }
}

export function isSchemaValidationError(error: unknown): error is SchemaValidationError {
  return error instanceof SchemaValidationError;
}

function toSchemaIssue(issue: ZodIssue): SchemaIssue {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
  return { path: `data${path}`, message: issue.message };
}

export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
  constructor(readonly eventType: string) {
    super(`unknown event type "${eventType}"`);
  }
}

/** A stored version this code cannot read: written by newer code, or not a version at all. */
export class UnknownSchemaVersionError extends Error {
  override readonly name = 'UnknownSchemaVersionError';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly currentSchemaVersion: number,
  ) {
    super(
      schemaVersion > currentSchemaVersion
        ? `${eventType} schemaVersion ${schemaVersion} is newer than this code knows (current is ${currentSchemaVersion}); upgrade the reader`
        : `${eventType} schemaVersion ${schemaVersion} is not a version (expected an integer 1..${currentSchemaVersion})`,
    );
  }
}

export class MissingUpcasterError extends Error {
  override readonly name = 'MissingUpcasterError';
  constructor(
    readonly eventType: string,
    readonly fromVersion: number,
  ) {
    super(`no upcaster for ${eventType} from schemaVersion ${fromVersion} to ${fromVersion + 1}`);
  }
}
