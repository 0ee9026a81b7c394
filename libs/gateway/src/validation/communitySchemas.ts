import { z } from 'zod';
import { id } from './primitives';

export const communityRequestSchema = z.object({ friendId: id }).strict();
