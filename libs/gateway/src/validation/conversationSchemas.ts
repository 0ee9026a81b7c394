import { z } from 'zod';

export const MAX_MESSAGE_LENGTH = 2000;

/** A chat message: 1..2,000 characters, not blank. */
export const messageSchema = z
  .object({
    text: z
      .string()
      .max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`)
      .superRefine((text, ctx) => {
        if (text.trim().length > 0) return;
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: text.length === 0 ? 'must not be empty' : 'must not be blank',
        });
      }),
  })
  .strict();
