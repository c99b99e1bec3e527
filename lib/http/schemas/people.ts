import * as z from 'zod';
import { Language } from '../../domain/mail/preferences.js';
import { ClientRole, StaffRole } from '../../domain/people.js';
import { Platform } from '../../domain/platform.js';
import { Role } from '../../domain/roles.js';
import { BillingBody } from './offers.js';
import { Cursor, oneLine, pageLimit } from './requests.js';

/** Input schemas of the organisation and people routes. */

const OrgId = z.string().min(1).max(64);
const Version = z.number().int().nonnegative().optional().describe('The `version` you read: a change decided on an older one is a 409, not a silent overwrite');

export const OrgPath = z.strictObject({ orgId: OrgId });
export const PersonPath = z.strictObject({ userId: z.string().min(1).max(64) });

export const NewOrganisationBody = z
  .strictObject({
    name: oneLine(1, 200),
    platform: Platform,
    language: Language.optional().describe('Its people’s invitations’ language unless one says otherwise: `cs` (default) or `en`'),
    billing: BillingBody.optional(),
  })
  .meta({ id: 'NewOrganisation' });

export const OrganisationChangeBody = z
  .strictObject({ name: oneLine(1, 200).optional(), platform: Platform.optional(), language: Language.optional(), version: Version })
  .refine((body) => body.name !== undefined || body.platform !== undefined || body.language !== undefined, { message: 'give at least one of name, platform or language' })
  .meta({ id: 'OrganisationChange' });

export const ListOrganisationsQuery = z.strictObject({
  q: oneLine(1, 100).optional().describe('Part of the name or the IČO (case and diacritics ignored)'),
  limit: pageLimit(200, 50),
  cursor: Cursor,
});

export const LogQuery = z.strictObject({ limit: pageLimit(200, 50), cursor: Cursor });

const invitation = <R extends z.ZodEnum>(role: R) =>
  z.strictObject({
    email: z.email().max(254),
    name: oneLine(1, 200),
    role,
    language: Language.optional().describe('The language of their invitation and mail; the organisation’s by default'),
  });

export const PersonInvitationBody = invitation(ClientRole).meta({ id: 'PersonInvitation' });
export const StaffInvitationBody = invitation(StaffRole).meta({ id: 'StaffInvitation' });

export const RoleBody = z.strictObject({ role: Role, version: Version }).meta({ id: 'RoleChange' });
