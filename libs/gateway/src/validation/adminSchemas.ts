import { z } from 'zod';
import { id } from './primitives';

export const replayRequestSchema = z.object({ projection: id.optional() }).strict();
export const jobIdSchema = id;
