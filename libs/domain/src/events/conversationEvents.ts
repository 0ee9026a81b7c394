import { z } from 'zod';

/** The moods the DJ understands; the same list the gateway reports as `understood.mood`. */
export const MOODS = ['energetic', 'happy', 'calm', 'sad', 'focused', 'angry', 'romantic'] as const;
export type Mood = (typeof MOODS)[number];
export const moodSchema = z.enum(MOODS);

export const messageSentSchema = z.object({ text: z.string().trim().min(1).max(2000) });
export type MessageSentData = z.infer<typeof messageSentSchema>;

export const djRepliedSchema = z.object({
  text: z.string().trim().min(1),
  djName: z.string().trim().min(1).max(100),
});
export type DjRepliedData = z.infer<typeof djRepliedSchema>;

export const moodExpressedSchema = z.object({
  mood: moodSchema,
  source: z.enum(['message', 'context']).optional(),
});
export type MoodExpressedData = z.infer<typeof moodExpressedSchema>;
