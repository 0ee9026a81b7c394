import { MissingUpcasterError, UnknownEventTypeError, UnknownSchemaVersionError } from './eventErrors';

/** Turns the data of one event type from `fromVersion` into `fromVersion + 1`; a chain of them reaches the current version. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

export type Upcast = (type: string, schemaVersion: number, data: unknown) => unknown;

/**
 * Builds an `upcast` over a fixed set of single steps. Steps are checked when
 * the set is built (no duplicates, none at or beyond the current version), so
 * a wrong registration fails at start-up rather than in the middle of a replay.
 */
export function createUpcast(
  upcasters: readonly Upcaster[],
  currentSchemaVersionOf: (type: string) => number | undefined,
): Upcast {
  const steps = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = stepKey(upcaster.type, upcaster.fromVersion);
    if (steps.has(key))
      throw new Error(`two upcasters for ${upcaster.type} from schemaVersion ${upcaster.fromVersion}`);
    const current = currentSchemaVersionOf(upcaster.type);
    if (current === undefined) throw new UnknownEventTypeError(upcaster.type);
    if (
      !Number.isInteger(upcaster.fromVersion) ||
      upcaster.fromVersion < 1 ||
      upcaster.fromVersion >= current
    ) {
      throw new Error(
        `upcaster for ${upcaster.type} from schemaVersion ${upcaster.fromVersion} is outside 1..${current - 1} (current is ${current})`,
      );
    }
    steps.set(key, upcaster);
  }

  return (type, schemaVersion, data) => {
    const current = currentSchemaVersionOf(type);
    if (current === undefined) throw new UnknownEventTypeError(type);
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
      throw new UnknownSchemaVersionError(type, schemaVersion, current);
    }
    let upcasted = data;
    for (let version = schemaVersion; version < current; version++) {
      const step = steps.get(stepKey(type, version));
      if (!step) throw new MissingUpcasterError(type, version);
      upcasted = step.upcast(upcasted);
    }
    return upcasted;
  };
}

function stepKey(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}
