import * as z from 'zod';
import { Platform } from '../../domain/platform.js';
import { Role } from '../../domain/roles.js';

export const MeResponse = z
  .object({
    userId: z.string(),
    email: z.email(),
    name: z.string(),
    role: Role,
    orgId: z.string().optional(),
    platform: Platform.optional().describe('The platform whose app client issued the token'),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof MeResponse>;
