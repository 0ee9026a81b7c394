import type { ZodError, ZodIssue, ZodTypeAny, z } from 'zod';
import { GatewayHttpError } from '../http/httpErrors';

export type InputPart = 'body' | 'query' | 'params';

/** A 400 that names every offending field, e.g. `body.rating: required for type "rate"`. */
export class InputError extends GatewayHttpError {
  constructor(readonly issues: readonly string[]) {
    super(400, issues.join('; '));
    this.name = 'InputError';
  }
}

/** The one place input is checked: parse with the route's zod schema or refuse with a 400. */
export function parseInput<S extends ZodTypeAny>(schema: S, value: unknown, part: InputPart): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(describeZodError(result.error, part));
}

const MAX_REPORTED_ISSUES = 5;

export function describeZodError(error: ZodError, part: InputPart): string[] {
  const lines = error.issues.flatMap((issue) => describeIssue(issue, part));
  if (lines.length <= MAX_REPORTED_ISSUES) return lines;
  return [...lines.slice(0, MAX_REPORTED_ISSUES), `(${lines.length - MAX_REPORTED_ISSUES} more)`];
}

function pathOf(part: InputPart, path: readonly (string | number)[]): string {
  return part + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

function describeIssue(issue: ZodIssue, part: InputPart): string[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${pathOf(part, [...issue.path, key])}: is not a known field`);
  if (issue.code === 'invalid_type' && issue.received === 'undefined')
    return [`${pathOf(part, issue.path)}: is required`];
  if (issue.code === 'invalid_union') {
    // Report the branch that got furthest, not "Invalid input".
    const deepest = issue.unionErrors
      .flatMap((e) => e.issues)
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (deepest) return describeIssue(deepest, part);
  }
  return [`${pathOf(part, issue.path)}: ${issue.message}`];
}
