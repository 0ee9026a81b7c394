import { z } from 'zod';
import { idSchema } from '../log/ids';
import { labelSchema, trackTempoSchema, unitIntervalSchema } from './schemaPrimitives';

/**
 * The features of a track as they were when the listener reacted to it. It
 * travels inside the event so a replay never looks the catalog up: the
 * catalog may change, the reaction happened to this version of the track.
 */
export const trackSnapshotSchema = z.object({
  trackId: idSchema,
  genre: labelSchema,
  /** The artist's name exactly as the catalog spells it: it is the artist weight's key. */
  artist: labelSchema,
  mood: labelSchema.optional(),
  energy: unitIntervalSchema.optional(),
  tempo: trackTempoSchema.optional(),
});
export type TrackSnapshot = z.infer<typeof trackSnapshotSchema>;
