import { z } from 'zod';
import { queryInt, queryLabel } from './primitives';

export const MAX_CATALOG_IMPORT = 10_000;

export const searchTracksQuerySchema = z.object({
  genre: queryLabel.optional(),
  artist: queryLabel.optional(),
  q: queryLabel.optional(),
  limit: queryInt(1, 100).optional(),
  cursor: z.string().min(1, 'must not be empty').max(500).optional(),
});

/** Rows are checked one by one by the catalog service, which reports each refused row. */
export const importTracksSchema = z
  .object({
    tracks: z
      .array(z.unknown())
      .min(1, 'must have at least one track')
      .max(MAX_CATALOG_IMPORT, `must have at most ${MAX_CATALOG_IMPORT} tracks`),
  })
  .strict();
