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
  /** The last invitation to sign in (AdminCreateUser or its resend); absent for people seeded or invited to one request. */
  invitedAt: z.iso.datetime().optional(),
  invitedBy: z.string().optional().describe('Who sent the last invitation (a user id)'),
  /** When the invitation's temporary password stops working (Cognito's TemporaryPasswordValidityDays). */
  invitationExpiresAt: z.iso.datetime().optional(),
  /** Set while the person is deactivated: no sign-in, no call. */
  deactivatedAt: z.iso.datetime().optional(),
  /** Set on every member while their organisation is deactivated (see docs/people.md). */
  organisationDeactivatedAt: z.iso.datetime().optional(),
  /** Bumped by every change to the person, so two admins' changes can't silently undo each other. */
  version: z.number().int().nonnegative().optional(),
});
export type User = z.infer<typeof User>;
