import { z } from 'zod';
import { queryInt } from './primitives';

/** `0`, `1`, `0.25`, `.5`: a plain decimal within 0..1 (no `1e-1`, no sign). */
const queryUnitInterval = z
  .string()
  .regex(/^(\d+(\.\d{1,12})?|\.\d{1,12})$/, 'must be a number within 0..1')
  .transform(Number)
  .pipe(z.number().min(0, 'must be within 0..1').max(1, 'must be within 0..1'));

/** A mood or activity word for the recommender: 1..100 characters. */
const contextWord = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const playlistQuerySchema = z
  .object({
    size: queryInt(1, 100).optional(),
    exclude: z.enum(['played'], { errorMap: () => ({ message: 'the only value is "played"' }) }).optional(),
    mood: contextWord.optional(),
    activity: contextWord.optional(),
    hour: queryInt(0, 23).optional(),
    discovery: queryUnitInterval.optional(),
    minPosition: queryInt(0, Number.MAX_SAFE_INTEGER).optional(),
  })
  // `size[$gt]=1` is not `size`: an option the recommender does not know is refused, not ignored.
  .strict();
