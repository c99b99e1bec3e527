import { describe, expect, it } from 'vitest';
import {
  mailGroupOf,
  recipientAccess,
  recipientsOf,
  subjectIds,
  withheld,
  type Person,
  type Recipient,
  type RequestPeople,
} from '../../../../lib/domain/mail/notification-matrix.js';
import { TimelineEntryKind, type TimelineEntry } from '../../../../lib/domain/timeline-entry.js';

const person = (userId: string, role: Person['role']): Person => ({ userId, email: `${userId}@example.test`, name: userId, role });

const requester = person('u-requester', 'client_member');
const member = person('u-member', 'client_member');
const orgAdmin = person('u-orgadmin', 'client_admin');
const participant = person('u-participant', 'participant');
const agent = person('u-agent', 'agent');
const boss = person('u-boss', 'admin');
const subject = person('u-subject', 'participant');
const cast = [requester, member, orgAdmin, participant, agent, boss, subject];
const byId = new Map(cast.map((p) => [p.userId, p]));

const entry = (kind: TimelineEntryKind, overrides: Partial<TimelineEntry> = {}): TimelineEntry => ({
  entryId: 'e-1',
  requestId: '2026-0042',
  kind,
  visibility: kind === 'internal_note' || kind === 'payment_flagged' || kind === 'payment_resolved' ? 'agency' : 'all',
  actorType: 'person',
  actorId: 'u-outsider',
  actorName: 'Outsider',
  actorRole: 'agent',
  createdAt: '2026-11-24T09:05:00.000Z',
  ...(kind === 'participant_invited' || kind === 'participant_removed' ? { details: { userId: 'u-subject' } } : {}),
  ...(kind === 'assignee_changed' ? { details: { from: 'u-boss', to: 'u-agent' } } : {}),
  ...(kind === 'order_issued' || kind === 'payment_reminder' ? { details: { acceptedBy: 'u-subject' } } : {}),
  ...(kind === 'attachment_blocked' ? { details: { uploadedBy: 'u-subject', fileName: 'faktura.zip', verdict: 'infected' } } : {}),
  ...overrides,
});

/** The people around a request as the notifier reads them: every org member is offered as an org admin. */
const peopleFor = (e: TimelineEntry, assigneeId?: string, overrides: Partial<RequestPeople> = {}): RequestPeople => ({
  ...(assigneeId ? { assigneeId } : {}),
  requester,
  orgAdmins: [requester, member, orgAdmin],
  participants: [participant],
  agencyStaff: [agent, boss],
  subjects: subjectIds(e).flatMap((id) => byId.get(id) ?? []),
  ...overrides,
});

const idsOf = (recipients: Recipient[]) => recipients.map((r) => r.person.userId).sort();

const R = 'u-requester';
const A = 'u-orgadmin';
const P = 'u-participant';
const S = 'u-subject';
const everyAgency = ['u-agent', 'u-boss'];
const assigned = ['u-agent'];

/** The spec: kind → recipients when nobody is assigned, and when the agent is. */
const spec: Record<TimelineEntryKind, { unassigned: string[]; assigned: string[] }> = {
  request_created: { unassigned: [R, A, ...everyAgency], assigned: [R, A, ...assigned] },
  status_changed: { unassigned: [R, A, P, ...everyAgency], assigned: [R, A, P, ...assigned] },
  message: { unassigned: [R, A, P, ...everyAgency], assigned: [R, A, P, ...assigned] },
  internal_note: { unassigned: everyAgency, assigned },
  attachment_added: { unassigned: [R, A, P, ...everyAgency], assigned: [R, A, P, ...assigned] },
  participant_invited: { unassigned: [R, A, S], assigned: [R, A, S] },
  participant_removed: { unassigned: [R, A, S], assigned: [R, A, S] },
  rank_changed: { unassigned: [A, ...everyAgency], assigned: [A, ...assigned] },
  // The subjects are details.to (u-agent) and details.from (u-boss).
  assignee_changed: { unassigned: ['u-agent', 'u-boss'], assigned: ['u-agent', 'u-boss'] },
  mail_undeliverable: { unassigned: [A, ...everyAgency], assigned: [A, ...assigned] },
  offer_posted: { unassigned: [R, A, P, ...everyAgency], assigned: [R, A, P, ...assigned] },
  // The workflow reminds the people who decide on the offer, not the invited participants.
  offer_reminder: { unassigned: [R, A, ...everyAgency], assigned: [R, A, ...assigned] },
  // The subject is details.acceptedBy (u-subject): who accepted gets the order and its reminder.
  order_issued: { unassigned: [R, A, S, ...everyAgency], assigned: [R, A, S, ...assigned] },
  payment_reminder: { unassigned: [R, A, S, ...everyAgency], assigned: [R, A, S, ...assigned] },
  // Agency only (visibility agency).
  payment_flagged: { unassigned: everyAgency, assigned },
  // Agency only: the agent on the request hears that someone else resolved its flagged payment.
  payment_resolved: { unassigned: everyAgency, assigned },
  // The workflow reminds the client who decides on the delivery; the agency waits for the answer.
  review_reminder: { unassigned: [R, A], assigned: [R, A] },
  // The subject is details.uploadedBy (u-subject): who sent the blocked file, and the agency.
  attachment_blocked: { unassigned: [S, ...everyAgency], assigned: [S, ...assigned] },
};

describe('recipientsOf: the notification matrix as a table', () => {
  it('covers every timeline entry kind', () => {
    expect(Object.keys(spec).sort()).toEqual([...TimelineEntryKind.options].sort());
  });

  it.each(TimelineEntryKind.options)('mails %s to the spec’s recipients while nobody is assigned', (kind) => {
    const e = entry(kind);
    expect(idsOf(recipientsOf(e, peopleFor(e)))).toEqual([...spec[kind].unassigned].sort());
  });

  it.each(TimelineEntryKind.options)('mails %s to the spec’s recipients while the agent is assigned', (kind) => {
    const e = entry(kind);
    expect(idsOf(recipientsOf(e, peopleFor(e, 'u-agent')))).toEqual([...spec[kind].assigned].sort());
  });
});

describe('recipientsOf', () => {
  it('mails an internal note to the agency only', () => {
    const e = entry('internal_note');
    const recipients = recipientsOf(e, peopleFor(e));
    expect(recipients.every((r) => r.person.role === 'agent' || r.person.role === 'admin')).toBe(true);
    expect(recipients.map((r) => r.audiences)).toEqual([['agency'], ['agency']]);
  });

  it('mails a client_member only as the requester, never as an org admin', () => {
    const e = entry('rank_changed');
    expect(idsOf(recipientsOf(e, peopleFor(e)))).not.toContain('u-member');
    expect(idsOf(recipientsOf(entry('message'), peopleFor(entry('message'))))).not.toContain('u-member');
  });

  it('mails every agency person when the assignee is not among the agency staff', () => {
    const e = entry('message');
    expect(idsOf(recipientsOf(e, peopleFor(e, 'u-gone')))).toEqual([R, A, P, ...everyAgency].sort());
  });

  it('never mails the actor about their own entry', () => {
    const e = entry('message', { actorId: 'u-requester', actorRole: 'client_member' });
    const ids = idsOf(recipientsOf(e, peopleFor(e)));
    expect(ids).not.toContain('u-requester');
    expect(ids).toEqual([A, P, ...everyAgency].sort());
  });

  it('leaves the acting agent out of the mail about their own assignment', () => {
    const e = entry('assignee_changed', { actorId: 'u-agent' });
    expect(idsOf(recipientsOf(e, peopleFor(e, 'u-agent')))).toEqual(['u-boss']);
  });

  it('excludes nobody for a system actor, even one whose id equals a person’s', () => {
    const e = entry('message', { actorType: 'system', actorId: 'u-requester', actorRole: 'system' });
    expect(idsOf(recipientsOf(e, peopleFor(e)))).toEqual([R, A, P, ...everyAgency].sort());
  });

  it('sends an agency-visible entry to agency roles only, even when its row names clients', () => {
    const e = entry('message', { visibility: 'agency' });
    expect(idsOf(recipientsOf(e, peopleFor(e)))).toEqual(everyAgency);
    const invited = entry('participant_invited', { visibility: 'agency' });
    expect(recipientsOf(invited, peopleFor(invited))).toEqual([]);
  });

  it('lists a requester who is also an org admin once, with both audiences', () => {
    const adminRequester = person('u-requester', 'client_admin');
    const e = entry('request_created');
    const recipients = recipientsOf(e, peopleFor(e, undefined, { requester: adminRequester, orgAdmins: [adminRequester, orgAdmin] }));
    expect(recipients.filter((r) => r.person.userId === 'u-requester')).toEqual([{ person: adminRequester, audiences: ['requester', 'org_admins'] }]);
    expect(idsOf(recipients)).toEqual([R, A, ...everyAgency].sort());
  });

  it('lists an org admin who is also a participant once, with both audiences', () => {
    const e = entry('status_changed');
    const recipients = recipientsOf(e, peopleFor(e, undefined, { participants: [participant, orgAdmin] }));
    expect(recipients.filter((r) => r.person.userId === 'u-orgadmin').map((r) => r.audiences)).toEqual([['org_admins', 'participants']]);
  });

  it('mails a flagged payment to the agency only, by its row as by its visibility', () => {
    const e = entry('payment_flagged');
    expect(idsOf(recipientsOf(e, peopleFor(e)))).toEqual(everyAgency);
    expect(idsOf(recipientsOf({ ...e, visibility: 'all' }, peopleFor(e)))).toEqual(everyAgency);
  });

  it('mails the acceptor of an order once, as its subject and as the requester', () => {
    const e = entry('order_issued', { actorType: 'system', actorId: 'workflow', actorRole: 'system', details: { acceptedBy: 'u-requester' } });
    const people = peopleFor(e, 'u-agent', { subjects: [requester] });
    const recipients = recipientsOf(e, people);
    expect(recipients.filter((r) => r.person.userId === 'u-requester').map((r) => r.audiences)).toEqual([['requester', 'subject']]);
    expect(idsOf(recipients)).toEqual([R, A, ...assigned].sort());
  });

  it('keeps mailing an own-scope org admin who accepted the offer the order is about', () => {
    expect(withheld({ person: { ...orgAdmin, mailScope: 'own' }, audiences: ['org_admins', 'subject'] }, { muted: false, suppressed: false })).toBeUndefined();
  });

  it('skips the requester when their user no longer exists', () => {
    const e = entry('request_created');
    expect(idsOf(recipientsOf(e, peopleFor(e, undefined, { requester: undefined, orgAdmins: [member, orgAdmin] })))).toEqual([A, ...everyAgency].sort());
  });
});

describe('withheld', () => {
  const as = (p: Person, audiences: Recipient['audiences']): Recipient => ({ person: p, audiences });
  const free = { muted: false, suppressed: false };

  it('withholds a suppressed address first, even when the request is muted too', () => {
    expect(withheld(as(requester, ['requester']), { muted: true, suppressed: true })).toBe('suppressed');
  });

  it('withholds a muted request', () => {
    expect(withheld(as(requester, ['requester']), { muted: true, suppressed: false })).toBe('muted');
  });

  it('mails everyone whose scope is all or unset', () => {
    expect(withheld(as({ ...orgAdmin, mailScope: 'all' }, ['org_admins']), free)).toBeUndefined();
    expect(withheld(as(orgAdmin, ['org_admins']), free)).toBeUndefined();
    expect(withheld(as(boss, ['agency']), free)).toBeUndefined();
  });

  it.each([
    ['requester', requester, ['requester']],
    ['participant', participant, ['participants']],
    ['subject', subject, ['subject']],
  ] as const)('keeps mailing an own-scope %s', (_, p, audiences) => {
    expect(withheld(as({ ...p, mailScope: 'own' }, [...audiences]), free)).toBeUndefined();
  });

  it('keeps mailing an own-scope assignee', () => {
    expect(withheld(as({ ...agent, mailScope: 'own' }, ['agency']), { ...free, assigneeId: 'u-agent' })).toBeUndefined();
  });

  it('withholds an own-scope org admin as not_own', () => {
    expect(withheld(as({ ...orgAdmin, mailScope: 'own' }, ['org_admins']), { ...free, assigneeId: 'u-agent' })).toBe('not_own');
  });

  it('withholds an own-scope unassigned agency person as not_own', () => {
    expect(withheld(as({ ...boss, mailScope: 'own' }, ['agency']), free)).toBe('not_own');
    expect(withheld(as({ ...boss, mailScope: 'own' }, ['agency']), { ...free, assigneeId: 'u-agent' })).toBe('not_own');
  });

  it('keeps mailing an own-scope org admin who is also the requester', () => {
    expect(withheld(as({ ...orgAdmin, mailScope: 'own' }, ['requester', 'org_admins']), free)).toBeUndefined();
  });
});

describe('mailGroupOf', () => {
  const rank = (requestId: string, createdAt = '2026-11-24T09:05:00.000Z') => entry('rank_changed', { requestId, entryId: `e-${requestId}`, createdAt });

  it('puts every rank change one person makes in one quarter of an hour into one group', () => {
    expect(mailGroupOf(rank('2026-0042'), 'org-1')).toBe(mailGroupOf(rank('2026-0043'), 'org-1'));
    expect(mailGroupOf(rank('2026-0042'), 'org-1')).toBe(mailGroupOf(rank('2026-0043', '2026-11-24T09:14:59.999Z'), 'org-1'));
    expect(mailGroupOf(rank('2026-0042'), 'org-1')).toBe('reorder#org-1#u-outsider#2026-11-24T09:00:00.000Z');
  });

  it('starts a new group with the next quarter of an hour', () => {
    expect(mailGroupOf(rank('2026-0042', '2026-11-24T09:14:59.999Z'), 'org-1')).not.toBe(mailGroupOf(rank('2026-0043', '2026-11-24T09:15:00.000Z'), 'org-1'));
  });

  it('keeps reorders of different organisations or actors apart', () => {
    expect(mailGroupOf(rank('2026-0042'), 'org-1')).not.toBe(mailGroupOf(rank('2026-0042'), 'org-2'));
    expect(mailGroupOf(rank('2026-0042'), 'org-1')).not.toBe(mailGroupOf({ ...rank('2026-0042'), actorId: 'u-other' }, 'org-1'));
  });

  it.each(TimelineEntryKind.options.filter((k) => k !== 'rank_changed'))('mails a %s entry on its own', (kind) => {
    expect(mailGroupOf(entry(kind, { entryId: 'e-7' }), 'org-1')).toBe('entry#2026-0042#e-7');
  });
});

describe('subjectIds', () => {
  it('names the invited or removed person', () => {
    expect(subjectIds(entry('participant_invited', { details: { userId: 'u-x' } }))).toEqual(['u-x']);
    expect(subjectIds(entry('participant_removed', { details: { userId: 'u-y' } }))).toEqual(['u-y']);
  });

  it('names the new and the former assignee', () => {
    expect(subjectIds(entry('assignee_changed', { details: { to: 'u-new', from: 'u-old' } }))).toEqual(['u-new', 'u-old']);
    expect(subjectIds(entry('assignee_changed', { details: { to: 'u-new' } }))).toEqual(['u-new']);
    expect(subjectIds(entry('assignee_changed', { details: { from: 'u-old' } }))).toEqual(['u-old']);
  });

  it('names who accepted the offer of an order and of its payment reminder', () => {
    expect(subjectIds(entry('order_issued', { details: { acceptedBy: 'u-x', orderNumber: 'OBJ-2026-0042' } }))).toEqual(['u-x']);
    expect(subjectIds(entry('payment_reminder', { details: { acceptedBy: 'u-y' } }))).toEqual(['u-y']);
    expect(subjectIds(entry('order_issued', { details: {} }))).toEqual([]);
  });

  it('names nobody without details or for other kinds', () => {
    expect(subjectIds(entry('participant_invited', { details: undefined }))).toEqual([]);
    expect(subjectIds(entry('message', { details: { userId: 'u-x', to: 'u-y' } }))).toEqual([]);
  });
});

describe('how a recipient relates to the request (recipientAccess)', () => {
  const request = { orgId: 'org-acme' };

  it('is the organisation’s for its admins and members, the agency’s for its staff', () => {
    expect(recipientAccess({ role: 'client_admin', orgId: 'org-acme' }, request)).toBe('org_admin');
    expect(recipientAccess({ role: 'client_member', orgId: 'org-acme' }, request)).toBe('org_member');
    expect(recipientAccess({ role: 'agent' }, request)).toBe('agency');
    expect(recipientAccess({ role: 'admin' }, request)).toBe('agency');
  });

  it('is at most an invited participant’s for anyone else: another organisation’s admin, an invited person, one without an organisation', () => {
    expect(recipientAccess({ role: 'client_admin', orgId: 'org-beta' }, request)).toBe('participant');
    expect(recipientAccess({ role: 'participant' }, request)).toBe('participant');
    expect(recipientAccess({ role: 'client_member' }, request)).toBe('participant');
  });
});
