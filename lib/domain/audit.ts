import * as z from 'zod';

/** What was done to an organisation, a person or a webhook subscription (the log admins read). */
export const AuditAction = z.enum([
  'organisation_created',
  'organisation_changed',
  'organisation_deactivated',
  'organisation_reactivated',
  'person_invited',
  'invitation_resent',
  'role_changed',
  'person_deactivated',
  'person_reactivated',
  'person_removed',
  'person_exported',
  'person_erased',
  // Webhook subscriptions (the agency's log): never with a secret, sealed or not.
  'webhook_created',
  'webhook_changed',
  'webhook_enabled',
  'webhook_disabled',
  'webhook_secret_rotated',
  'webhook_deleted',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * One line of the log of who did what to whom. An organisation's changes, and those of its people,
 * are in its own log; the agency's staff changes in the agency's. Names are as they were at the time.
 */
export const AuditEntry = z.object({
  entryId: z.string(),
  at: z.iso.datetime(),
  /** `agency` for the agency's staff, else the organisation's id. */
  scope: z.string(),
  action: AuditAction,
  actorId: z.string(),
  actorName: z.string(),
  /** The person, organisation or webhook subscription acted on. */
  targetId: z.string(),
  targetName: z.string(),
  /** What changed: e.g. `{ role: { from: 'client_member', to: 'client_admin' } }`, or the fields set. */
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The log a change to a person belongs to: their organisation's, or the agency's for staff. */
export const auditScopeOf = (person: { orgId?: string }): string => person.orgId ?? agencyScope;
export const agencyScope = 'agency';

/** What a change changed, for its log line: `{ field: { from, to } }` for each field of `change` that differs from `before`. */
export const changesBetween = <T extends object>(before: T, change: Partial<T>): Record<string, { from: unknown; to: unknown }> =>
  Object.fromEntries(
    (Object.entries(change) as [keyof T & string, unknown][])
      .filter(([key, value]) => value !== undefined && value !== before[key])
      .map(([key, value]) => [key, { from: before[key], to: value }]),
  );
