import { z } from 'zod';
import { hour, id, label, timestamp, unitInterval } from './primitives';

export const INTERACTION_TYPES = ['play', 'skip', 'like', 'favorite', 'rate'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

const interactionType = z.enum(INTERACTION_TYPES);

export const listeningContextSchema = z
  .object({ activity: label.optional(), mood: label.optional(), hour: hour.optional() })
  .strict();

/** `rating` belongs to `rate` and only to it. */
function ratingRule(item: { type?: InteractionType; rating?: number }, ctx: z.RefinementCtx) {
  const type = item.type ?? 'play';
  if (type === 'rate' && item.rating === undefined)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['rating'], message: 'required for type "rate"' });
  if (type !== 'rate' && item.rating !== undefined)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['rating'], message: 'only allowed for type "rate"' });
}

export const interactionSchema = z
  .object({
    trackId: id,
    type: interactionType,
    rating: unitInterval.optional(),
    at: timestamp.optional(),
    context: listeningContextSchema.optional(),
  })
  .strict()
  .superRefine(ratingRule);
export type InteractionBody = z.infer<typeof interactionSchema>;

export const MAX_HISTORY_ITEMS = 10_000;
export const MAX_HISTORY_EVENTS = 100_000;

const historyItemSchema = z
  .object({
    trackId: id,
    plays: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(10_000, 'must be at most 10000')
      .optional(),
    type: interactionType.optional(),
    rating: unitInterval.optional(),
    at: timestamp.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    ratingRule(item, ctx);
    if (item.plays !== undefined && (item.type ?? 'play') !== 'play')
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['plays'], message: 'only allowed for type "play"' });
  });
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historySchema = z
  .object({
    items: z
      .array(historyItemSchema)
      .min(1, 'must have at least one item')
      .max(MAX_HISTORY_ITEMS, `must have at most ${MAX_HISTORY_ITEMS} items`),
  })
  .strict()
  .superRefine((body, ctx) => {
    const events = body.items.reduce((sum, item) => sum + (item.plays ?? 1), 0);
    if (events > MAX_HISTORY_EVENTS)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['items'],
        message: `adds up to ${events} events; at most ${MAX_HISTORY_EVENTS} a call`,
      });
  });
