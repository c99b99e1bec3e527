import * as z from 'zod';
import { Language, MailScope } from './mail/preferences.js';
import { Role } from './roles.js';

export const User = z.object({
  userId: z.string().min(1).describe('The Cognito `sub` of the person'),
  email: z.email(),
  name: z.string().min(1),
  role: Role,
  orgId: z.string().min(1).optional().describe('The organisation of a client user; agency staff and participants have none'),
  createdAt: z.iso.datetime(),
  /** Mail preferences; absent means the defaults (Czech, every request). */
  language: Language.optional(),
  mailScope: MailScope.optional(),
});
export type User = z.infer<typeof User>;
