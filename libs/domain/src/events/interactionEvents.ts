import { z } from 'zod';
import { hourOfDaySchema, labelSchema, unitIntervalSchema } from './schemaPrimitives';
import { trackSnapshotSchema } from './trackSnapshot';
import type { Upcaster } from './upcasting';

export const listeningContextSchema = z.object({
  activity: labelSchema.optional(),
  mood: labelSchema.optional(),
  hour: hourOfDaySchema.optional(),
});
export type ListeningContext = z.infer<typeof listeningContextSchema>;

/** Shared by TrackPlayed, TrackSkipped, TrackLiked and TrackFavorited. */
export const trackInteractionSchema = z.object({
  track: trackSnapshotSchema,
  context: listeningContextSchema.optional(),
});
export type TrackInteractionData = z.infer<typeof trackInteractionSchema>;

export const trackRatedSchema = trackInteractionSchema.extend({ rating: unitIntervalSchema });
export type TrackRatedData = z.infer<typeof trackRatedSchema>;

/** TrackRated as first recorded: whole stars. Kept only so old events still read. */
export const trackRatedV1Schema = trackInteractionSchema.extend({ stars: z.number().int().min(1).max(5) });
export type TrackRatedV1Data = z.infer<typeof trackRatedV1Schema>;

/** One star is the bottom of the scale and five the top, so 1..5 maps onto 0..1 evenly. */
export function starsToRating(stars: number): number {
  return (stars - 1) / 4;
}

export const trackRatedUpcasters: Upcaster[] = [
  {
    type: 'TrackRated',
    fromVersion: 1,
    upcast: (data) => {
      const { stars, ...rest } = trackRatedV1Schema.parse(data);
      return { ...rest, rating: starsToRating(stars) };
    },
  },
];
