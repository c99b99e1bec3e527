import * as z from 'zod';

/**
 * The record of one mail: an entry (or a group of entries mailed together) to one person. It
 * is claimed before the send and holds SES's message id after it, so a stream record delivered
 * twice sends nothing the second time. A mail SES refused for good, or kept refusing, is parked:
 * listed for the agency, who may send it again; never dropped.
 */
export const MailRecordState = z.enum(['sending', 'sent', 'parked', 'suppressed']);
export type MailRecordState = z.infer<typeof MailRecordState>;

export const MailRecord = z.object({
  /** `entry#<requestId>#<entryId>` or `reorder#<orgId>#<actorId>#<createdAt>` (see mailGroupOf). */
  group: z.string(),
  recipientId: z.string(),
  email: z.string(),
  state: MailRecordState,
  /** The entry that is mailed (for a reorder, the one whose stream record claimed it first). */
  requestId: z.string(),
  entryId: z.string(),
  entryCreatedAt: z.iso.datetime(),
  /** Whoever claims it writes a fresh token; only the holder may record the outcome. */
  claimToken: z.string().optional(),
  claimedAt: z.iso.datetime().optional(),
  attempts: z.number().int().nonnegative().default(0),
  messageId: z.string().optional(),
  sentAt: z.iso.datetime().optional(),
  parkedAt: z.iso.datetime().optional(),
  error: z.string().optional(),
});
export type MailRecord = z.infer<typeof MailRecord>;

/** How long a claim holds: a notifier that died mid-send leaves it, and a retry takes it over after this. */
export const claimLeaseMs = 2 * 60_000;

/** The id a parked mail is named by in the API: opaque, but it decodes to its record's key. */
export const mailIdOf = (record: Pick<MailRecord, 'group' | 'recipientId'>): string =>
  Buffer.from(`${record.group}\n${record.recipientId}`, 'utf8').toString('base64url');

export const parseMailId = (mailId: string): { group: string; recipientId: string } | undefined => {
  if (!/^[A-Za-z0-9_-]{1,700}$/.test(mailId)) return undefined;
  const [group, recipientId, ...rest] = Buffer.from(mailId, 'base64url').toString('utf8').split('\n');
  if (!group || !recipientId || rest.length > 0 || !/^(entry|reorder)#/.test(group)) return undefined;
  return { group, recipientId };
};
