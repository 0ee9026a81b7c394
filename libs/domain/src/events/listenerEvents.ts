import { z } from 'zod';
import { idSchema } from '../log/ids';
import {
  tempoPreferenceSchema,
  timestampSchema,
  unitIntervalSchema,
  weightMapSchema,
} from './schemaPrimitives';

export const listenerRegisteredSchema = z.object({
  listenerId: idSchema,
  name: z.string().trim().min(1).max(100).optional(),
  registeredAt: timestampSchema.optional(),
});
export type ListenerRegisteredData = z.infer<typeof listenerRegisteredSchema>;

/**
 * What a listener told us, either as weights or as a plain list of words. The
 * words are stored as said; the reducer normalises them, so a better
 * normalisation later applies to old events too.
 */
export const preferencesStatedSchema = z.object({
  genres: weightMapSchema.optional(),
  artists: weightMapSchema.optional(),
  moods: weightMapSchema.optional(),
  energyLevel: unitIntervalSchema.optional(),
  tempoPreference: tempoPreferenceSchema.optional(),
  discoveryFactor: unitIntervalSchema.optional(),
  words: z.array(z.string().max(200)).optional(),
});
export type PreferencesStatedData = z.infer<typeof preferencesStatedSchema>;

export const discoveryFactorChangedSchema = z.object({
  discoveryFactor: unitIntervalSchema,
  reason: z.string().trim().min(1).max(500).optional(),
});
export type DiscoveryFactorChangedData = z.infer<typeof discoveryFactorChangedSchema>;

export const listenerForgottenSchema = z.object({ listenerId: idSchema });
export type ListenerForgottenData = z.infer<typeof listenerForgottenSchema>;

/** The listener picked the DJ persona who talks to them (e.g. `nova`, `pulse`). */
export const djChosenSchema = z.object({ djId: idSchema });
export type DjChosenData = z.infer<typeof djChosenSchema>;
