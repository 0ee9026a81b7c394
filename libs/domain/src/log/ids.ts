import { z } from 'zod';

/**
 * The one id rule for listeners, tracks and friends, shared with the gateway's
 * validation (API.md) so an id the API accepts is always a valid stream id part.
 */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export const ID_RULE = '1..128 characters of letters, digits and - _ . :';

export const idSchema = z.string().regex(ID_PATTERN, { message: `must be ${ID_RULE}` });

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
