import * as z from 'zod';
import { MailRecordState } from '../../domain/mail/mail-record.js';
import { Language, MailScope } from '../../domain/mail/preferences.js';
import { Platform } from '../../domain/platform.js';
import { RequestId, RequestStatus } from '../../domain/request.js';
import { Cursor, oneLine, pageLimit } from './requests.js';

export const PreferencesView = z
  .object({
    language: Language,
    mailScope: MailScope,
    mutedRequests: z.array(z.string()).describe('Requests you get no mail about'),
  })
  .meta({ id: 'MailPreferences' });

export const PreferencesBody = z
  .strictObject({ language: Language.optional(), mailScope: MailScope.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'name at least one preference' })
  .meta({ id: 'MailPreferencesChange' });

export const MuteView = z.object({ requestId: RequestId, muted: z.boolean() }).meta({ id: 'Mute' });

/** A link token from a mail: `<claims>.<signature>`, base64url. */
export const LinkPath = z.strictObject({ token: z.string().regex(/^[\w-]{1,400}\.[\w-]{20,100}$/, 'is not a link orderdesk made') });

export const OpenedLinkView = z
  .object({ requestId: RequestId, title: z.string(), status: RequestStatus, platform: Platform, loginHint: z.email().describe('Log in with this address to do more') })
  .meta({ id: 'OpenedLink' });

export const MailPath = z.strictObject({ mailId: z.string().regex(/^[\w-]{1,700}$/, 'is not a mail id orderdesk gave out') });

export const ParkedMailView = z
  .object({
    mailId: z.string(),
    requestId: RequestId,
    recipientId: z.string(),
    email: z.string(),
    state: MailRecordState,
    attempts: z.number().int(),
    parkedAt: z.iso.datetime().optional(),
    error: z.string().optional().describe('What SES (or writing the mail) said last'),
    messageId: z.string().optional().describe('SES’s id, once sent'),
  })
  .meta({ id: 'ParkedMail' });

export const ParkedMailPage = z.object({ items: z.array(ParkedMailView), nextCursor: z.string().optional() }).meta({ id: 'ParkedMailPage' });

export const SuppressionPath = z.strictObject({ email: z.email().max(254) });

export const SuppressionView = z
  .object({
    email: z.string().describe('The address, in lower case'),
    reason: z.enum(['bounce', 'complaint']).describe('`bounce`: the mailbox refused mail for good; `complaint`: its owner marked a mail as spam'),
    at: z.iso.datetime().describe('When the bounce or complaint was recorded (the latest, if there were several)'),
    detail: z.string().optional().describe('What SES reported, e.g. the bounce’s diagnostic code'),
  })
  .meta({ id: 'Suppression' });

export const SuppressionQuery = z.strictObject({
  q: oneLine(1, 254).optional().describe('Part of the address (any case): `acme.example` finds every suppressed address at that domain'),
  limit: pageLimit(100, 25),
  cursor: Cursor,
});

export const SuppressionPage = z.object({ items: z.array(SuppressionView), nextCursor: z.string().optional() }).meta({ id: 'SuppressionPage' });
