import * as z from 'zod';

/** A person invited to one request (and only to it). */
export const Participant = z.object({
  requestId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  invitedBy: z.string(),
  invitedAt: z.iso.datetime(),
});
export type Participant = z.infer<typeof Participant>;
