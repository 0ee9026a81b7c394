import { z } from 'zod';
import { idSchema } from '../log/ids';
import { labelSchema, trackTempoSchema, unitIntervalSchema } from './schemaPrimitives';

/**
 * A catalog entry. Audio features are optional because many real catalogs
 * lack them, and an unknown energy is not an energy of zero.
 */
export const catalogTrackSchema = z.object({
  trackId: idSchema,
  title: z.string().trim().min(1).max(500),
  artist: labelSchema,
  /** Lower-case, as the catalog spells it (`hip-hop`, `r&b`). */
  genre: labelSchema,
  subgenre: labelSchema.optional(),
  mood: labelSchema.optional(),
  energy: unitIntervalSchema.optional(),
  tempo: trackTempoSchema.optional(),
  bpm: z.number().positive().optional(),
  valence: unitIntervalSchema.optional(),
  danceability: unitIntervalSchema.optional(),
  durationMs: z.number().int().positive().optional(),
  /** 0..100 as Spotify reports it, so imported catalogs keep their numbers. */
  popularity: z.number().min(0).max(100).optional(),
  tags: z.array(labelSchema).optional(),
});
export type CatalogTrack = z.infer<typeof catalogTrackSchema>;
