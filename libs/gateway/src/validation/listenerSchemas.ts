import { z } from 'zod';
import { id, label, tempoPreference, unitInterval, weightMap, queryInt } from './primitives';

/** The weighted preferences of API.md; at least one field. */
export const weightedPreferencesSchema = z
  .object({
    genres: weightMap.optional(),
    artists: weightMap.optional(),
    moods: weightMap.optional(),
    energyLevel: unitInterval.optional(),
    tempoPreference: tempoPreference.optional(),
    discoveryFactor: unitInterval.optional(),
  })
  .strict()
  .refine((prefs) => Object.keys(prefs).length > 0, 'must state at least one preference');
export type WeightedPreferences = z.infer<typeof weightedPreferencesSchema>;

export const registerListenerSchema = z
  .object({
    listenerId: id.optional(),
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    preferences: weightedPreferencesSchema.optional(),
  })
  .strict();
export type RegisterListenerBody = z.infer<typeof registerListenerSchema>;

/** `["jazz", "deep house"]`: 1..100 words. */
export const preferenceWordsSchema = z
  .array(label)
  .min(1, 'must name at least one word')
  .max(100, 'must have at most 100 words');

export const profileQuerySchema = z.object({ minPosition: queryInt(0, Number.MAX_SAFE_INTEGER).optional() });

export const eventsQuerySchema = z.object({
  fromVersion: queryInt(1, Number.MAX_SAFE_INTEGER).optional(),
  limit: queryInt(1, 1000).optional(),
});

export const chooseDjSchema = z.object({ djId: id }).strict();
