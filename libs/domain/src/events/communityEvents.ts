import { z } from 'zod';
import { idSchema } from '../log/ids';

const SELF_CONNECTION = 'a listener cannot connect to itself';

/**
 * `from` is always the listener who asked and `to` the one asked, in the
 * request and in its answer, so the pair reads the same way through its life.
 */
export const communityPairSchema = z
  .object({ from: idSchema, to: idSchema })
  .refine((pair) => pair.from !== pair.to, { message: SELF_CONNECTION, path: ['to'] });
export type CommunityPairData = z.infer<typeof communityPairSchema>;

export const communityRequestedSchema = communityPairSchema;
export const communityAcceptedSchema = communityPairSchema;
export const communityDeclinedSchema = communityPairSchema;

/** Either side may end a connection: `by` ended it, `other` is the one left. */
export const communityRemovedSchema = z
  .object({ by: idSchema, other: idSchema })
  .refine((pair) => pair.by !== pair.other, { message: SELF_CONNECTION, path: ['other'] });
export type CommunityRemovedData = z.infer<typeof communityRemovedSchema>;
