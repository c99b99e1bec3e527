import * as z from 'zod';
import { OrganisationSettings } from '../../domain/organisation.js';
import { RequestId } from '../../domain/request.js';
import { WorkQueuePolicy } from '../../domain/work-queue.js';
import { Cursor, pageLimit } from './requests.js';

/** Input schemas of the queue, work-queue, assignment and organisation routes. */

const OrgId = z.string().min(1).max(64);

export const ClientQueueQuery = z.strictObject({
  orgId: OrgId.optional().describe('Agency staff: whose queue'),
  limit: pageLimit(200, 50),
  cursor: Cursor,
});

export const MoveBody = z
  .strictObject({
    before: RequestId.optional().describe('Put it right before this request of the queue'),
    after: RequestId.optional().describe('Put it right after this request of the queue'),
    to: z.enum(['top', 'bottom']).optional().describe('Put it first or last'),
  })
  .refine((body) => [body.before, body.after, body.to].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of before, after or to',
  })
  .meta({ id: 'Move' });

export const QueueOrderBody = z
  .strictObject({
    order: z.array(RequestId).min(1).max(200).describe('Every request of the queue, first to be handled first'),
  })
  .meta({ id: 'QueueOrder' });

export const WorkQueueQuery = z.strictObject({
  assignee: z.string().min(1).max(64).optional().describe('`me`, `none` (unassigned) or an agency person’s id'),
  orgId: OrgId.optional().describe('One organisation’s work (none: an organisation with no ready work, or none of that id)'),
  policy: WorkQueuePolicy.optional().describe('Interleave organisations by this policy instead of the configured one'),
});

export const AssigneeBody = z
  .strictObject({ assigneeId: z.string().min(1).max(64).nullable().describe('An agency person’s id, or null to unassign') })
  .meta({ id: 'Assignment' });

/** The lifecycle actions that need nothing but a note; offers, payment and review bring their own routes. */
export const SimpleAction = z.enum(['clarify', 'fix', 'start_work', 'explain', 'reopen', 'close']);

/** What the note is for the actions that can't go without one. */
const notes: Partial<Record<z.infer<typeof SimpleAction>, string>> = {
  explain: 'is required to explain: it is the explanation the client gets',
  reopen: 'is required to reopen: say what is still wrong',
};

export const ActionBody = z
  .strictObject({
    action: SimpleAction,
    note: z.string().trim().min(1).max(5000).optional().describe('Shown on the timeline with the change; required to explain and to reopen'),
  })
  .superRefine((body, ctx) => {
    const required = notes[body.action];
    if (required && body.note === undefined) ctx.addIssue({ code: 'custom', path: ['note'], message: required });
  })
  .meta({ id: 'Action' });

export const OrganisationPath = z.strictObject({ orgId: OrgId });

// Not OrganisationSettings.partial(): its defaults would turn an omitted setting into a change.
export const SettingsBody = z
  .strictObject({
    membersMayRank: OrganisationSettings.shape.membersMayRank.unwrap().optional(),
    membersMayAcceptOffers: OrganisationSettings.shape.membersMayAcceptOffers.unwrap().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'name at least one setting' })
  .meta({ id: 'SettingsChange' });
