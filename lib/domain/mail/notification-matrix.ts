import { accessLevel, type AccessLevel } from '../access.js';
import type { Request } from '../request.js';
import type { Role } from '../roles.js';
import { isAgencyRole } from '../roles.js';
import type { TimelineEntry, TimelineEntryKind } from '../timeline-entry.js';
import type { Language, MailScope } from './preferences.js';

/**
 * Who an entry concerns, by their relation to the request:
 * - `requester`: who filed it; `org_admins`: the client organisation's admins;
 * - `participants`: people invited to this request;
 * - `agency`: the assigned agent, or every agency person while nobody is assigned;
 * - `subject`: the person the entry is about (the one invited, removed or assigned, who
 *   accepted the offer an order or a payment reminder is about, or who sent a blocked file).
 */
export type Audience = 'requester' | 'org_admins' | 'participants' | 'agency' | 'subject';

/**
 * The notification matrix: which entry kind mails whom (docs/mail.md, "Who gets what"). The actor never gets
 * a mail about their own change, and an agency-only entry reaches agency staff only, whatever
 * the row says. Rank changes are one digest per reorder (see `mailGroupOf`), not one per request.
 */
export const notificationMatrix: Record<TimelineEntryKind, readonly Audience[]> = {
  request_created: ['requester', 'org_admins', 'agency'],
  status_changed: ['requester', 'org_admins', 'participants', 'agency'],
  message: ['requester', 'org_admins', 'participants', 'agency'],
  internal_note: ['agency'],
  attachment_added: ['requester', 'org_admins', 'participants', 'agency'],
  participant_invited: ['requester', 'org_admins', 'subject'],
  participant_removed: ['requester', 'org_admins', 'subject'],
  rank_changed: ['org_admins', 'agency'],
  assignee_changed: ['subject'],
  mail_undeliverable: ['org_admins', 'agency'],
  offer_posted: ['requester', 'org_admins', 'participants', 'agency'],
  offer_reminder: ['requester', 'org_admins', 'agency'],
  order_issued: ['requester', 'org_admins', 'subject', 'agency'],
  payment_reminder: ['requester', 'org_admins', 'subject', 'agency'],
  payment_flagged: ['agency'],
  payment_resolved: ['agency'],
  review_reminder: ['requester', 'org_admins'],
  attachment_blocked: ['subject', 'agency'],
};

/** A person who may get mail, with what the notifier needs to decide and to write it. */
export interface Person {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** A client user's organisation; agency staff and invited people have none. */
  orgId?: string;
  language?: Language;
  mailScope?: MailScope;
}

/**
 * How a person the notifier mails relates to the request, as `accessLevel` decides it for an API
 * call: anyone who is neither agency staff nor the request's organisation's is at most an
 * invited participant (also one just removed, who gets the mail saying so), never more.
 */
export const recipientAccess = (person: Pick<Person, 'role' | 'orgId'>, request: Pick<Request, 'orgId'>): Exclude<AccessLevel, 'none'> => {
  const level = accessLevel(person, request, true);
  return level === 'none' ? 'participant' : level;
};

/** The people around a request, as the notifier read them. */
export interface RequestPeople {
  assigneeId?: string;
  /** The requester's user, if they still exist. */
  requester?: Person;
  orgAdmins: readonly Person[];
  participants: readonly Person[];
  agencyStaff: readonly Person[];
  /** The people the entry is about (see `subjectIds`), read by id. */
  subjects: readonly Person[];
}

/** The user ids an entry is about, from its details. */
export const subjectIds = (entry: TimelineEntry): string[] => {
  const details = entry.details ?? {};
  switch (entry.kind) {
    case 'participant_invited':
    case 'participant_removed':
      return details.userId ? [details.userId] : [];
    case 'assignee_changed':
      return [details.to, details.from].filter((id): id is string => id !== undefined);
    case 'order_issued':
    case 'payment_reminder':
      return details.acceptedBy ? [details.acceptedBy] : [];
    case 'attachment_blocked':
      return details.uploadedBy ? [details.uploadedBy] : [];
    default:
      return [];
  }
};

export interface Recipient {
  person: Person;
  audiences: Audience[];
}

const members = (audience: Audience, people: RequestPeople): readonly Person[] => {
  switch (audience) {
    case 'requester':
      return people.requester ? [people.requester] : [];
    case 'org_admins':
      return people.orgAdmins.filter((person) => person.role === 'client_admin');
    case 'participants':
      return people.participants;
    case 'agency': {
      const assignee = people.assigneeId ? people.agencyStaff.find((person) => person.userId === people.assigneeId) : undefined;
      return assignee ? [assignee] : people.agencyStaff;
    }
    case 'subject':
      return people.subjects;
  }
};

/**
 * Everyone the entry concerns, each once with every reason they get it, except its actor. An
 * entry only the agency may see goes to agency staff only.
 */
export const recipientsOf = (entry: TimelineEntry, people: RequestPeople): Recipient[] => {
  const byId = new Map<string, Recipient>();
  for (const audience of notificationMatrix[entry.kind]) {
    for (const person of members(audience, people)) {
      if (entry.actorType === 'person' && person.userId === entry.actorId) continue;
      if (entry.visibility === 'agency' && !isAgencyRole(person.role)) continue;
      const known = byId.get(person.userId);
      if (known) known.audiences.push(audience);
      else byId.set(person.userId, { person, audiences: [audience] });
    }
  }
  return [...byId.values()];
};

/** What stops a mail to a recipient who would get it by the matrix. */
export type Withheld = 'muted' | 'not_own' | 'suppressed';

/**
 * A person who limited mail to their own requests gets it only as the requester, the assignee,
 * an invited participant or the entry's subject; a muted request mails them nothing; a
 * suppressed address (it bounced, or they complained) is not mailed at all.
 */
export const withheld = (
  recipient: Recipient,
  facts: { muted: boolean; suppressed: boolean; assigneeId?: string },
): Withheld | undefined => {
  if (facts.suppressed) return 'suppressed';
  if (facts.muted) return 'muted';
  const own =
    recipient.audiences.some((audience) => audience === 'requester' || audience === 'participants' || audience === 'subject') ||
    recipient.person.userId === facts.assigneeId;
  if (recipient.person.mailScope === 'own' && !own) return 'not_own';
  return undefined;
};

/** How long a person's reordering of their queue counts as one change for mail. */
export const reorderWindowMinutes = 15;

const windowStart = (iso: string): string => {
  const ms = reorderWindowMinutes * 60_000;
  return new Date(Math.floor(Date.parse(iso) / ms) * ms).toISOString();
};

/**
 * Entries mailed together: every rank change one person makes in an organisation's queue within
 * the same quarter of an hour (a move, a whole new order, or ten drags in a row) is one mail per
 * recipient, showing the queue as it is when the mail is written. So a client reordering ten
 * requests sends one mail, not ten, and at most four an hour. Any other entry is mailed on its own.
 */
export const mailGroupOf = (entry: TimelineEntry, orgId: string): string =>
  entry.kind === 'rank_changed' ? `reorder#${orgId}#${entry.actorId}#${windowStart(entry.createdAt)}` : `entry#${entry.requestId}#${entry.entryId}`;
