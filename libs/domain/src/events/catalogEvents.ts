import { z } from 'zod';
import { catalogTrackSchema } from './catalogTrack';

export const tracksAddedToCatalogSchema = z.object({ tracks: z.array(catalogTrackSchema).min(1) });
export type TracksAddedToCatalogData = z.infer<typeof tracksAddedToCatalogSchema>;
