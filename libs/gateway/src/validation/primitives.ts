import { z } from 'zod';
import { idSchema, TEMPO_PREFERENCES } from '@qfzz/domain';

/**
 * Field rules shared by every route. Strings are checked for what they are
 * (an object such as `{"$gt": ""}` is not a string, so it never gets through),
 * empty optional strings are refused rather than defaulted, and numbers are
 * range-checked, never clamped.
 */
export const id = idSchema;

/** A free label (genre, artist, mood, activity): trimmed, 1..200 characters, never an operator. */
export const label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((value) => !value.startsWith('$'), 'must not start with "$"');

export const unitInterval = z.number().min(0, 'must be within 0..1').max(1, 'must be within 0..1');

export const weightMap = z
  .record(label, unitInterval)
  .refine((map) => Object.keys(map).length <= 500, 'must have at most 500 entries');

export const timestamp = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const tempoPreference = z.enum(TEMPO_PREFERENCES);

export const hour = z
  .number()
  .int('must be a whole hour')
  .min(0, 'must be within 0..23')
  .max(23, 'must be within 0..23');

/** A whole number in a query string (`?minPosition=12`): digits only, so `1e3`, `-1` and `0x10` are refused. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const queryLabel = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
