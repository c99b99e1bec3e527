import { orderPrefix } from '../../config/access.js';
import { mailIdOf } from '../../domain/mail/mail-record.js';
import { mailGroupOf, recipientAccess, recipientsOf, subjectIds, withheld, type Person, type Recipient, type RequestPeople } from '../../domain/mail/notification-matrix.js';
import type { OrganisationSettings } from '../../domain/organisation.js';
import type { Request } from '../../domain/request.js';
import type { TimelineEntry, TimelineEntryKind } from '../../domain/timeline-entry.js';
import { correlated } from '../../observability/correlation.js';
import { logger } from '../../observability/logger.js';
import { composeMail, type ReorderDigest } from './mail-composer.js';
import { sendClaimed } from './mail-sending.js';
import type { MailAttachment, MailPeopleStore, NewMailRecord } from '../ports/mail.js';
import type { NotifierDeps } from '../ports/deps.js';

/** Someone else is sending this mail right now: the stream record is retried later and finds it done (or their claim lapsed). */
export class MailInFlightError extends Error {
  override readonly name = 'MailInFlightError';
}

export type MailOutcome = { userId: string; outcome: 'sent' | 'parked' | 'suppressed' | 'muted' | 'not_own' | 'done' };

/** How many of a reorder digest's queue the mail shows. */
const digestLength = 10;

const peopleAround = async (deps: NotifierDeps, request: Request, entry: TimelineEntry): Promise<RequestPeople> => {
  const [members, agencyStaff, participants] = await Promise.all([
    deps.people.orgMembers(request.orgId),
    deps.people.agencyStaff(),
    deps.participants.list(request.requestId),
  ]);
  const known = new Map([...members, ...agencyStaff].map((person) => [person.userId, person]));
  const wanted = [request.createdBy, ...participants.map((p) => p.userId), ...subjectIds(entry)].filter((id) => !known.has(id));
  const read = await deps.people.byIds([...new Set(wanted)]);
  const find = (userId: string): Person | undefined => known.get(userId) ?? read.get(userId);
  return {
    assigneeId: request.assigneeId,
    requester: find(request.createdBy),
    orgAdmins: members,
    participants: participants.map((p) => find(p.userId)).filter((person): person is Person => person !== undefined),
    agencyStaff,
    subjects: subjectIds(entry).map(find).filter((person): person is Person => person !== undefined),
  };
};

export const reorderDigest = async (deps: NotifierDeps, request: Request): Promise<ReorderDigest> => {
  const [organisation, queue] = await Promise.all([deps.organisations.getOrganisation(request.orgId), deps.queues.clientQueue(request.orgId, digestLength)]);
  return {
    orgName: organisation?.name ?? request.orgId,
    queue: queue.map((queued, index) => ({ requestId: queued.requestId, title: queued.title, position: index + 1 })),
  };
};

/** The mails that ask the client organisation to decide on an offer. */
const offerDecisionKinds: ReadonlySet<TimelineEntryKind> = new Set(['offer_posted', 'offer_reminder']);

/**
 * The organisation's settings when a mail asks one of its members to decide on an offer: whether
 * the member may accept it or only decline it (and its admins accept) is the organisation's
 * setting. Read only then; every other mail asks nothing that depends on it.
 */
export const offerSettingsFor = async (
  deps: Pick<NotifierDeps, 'organisations'>,
  entry: TimelineEntry,
  request: Request,
  people: readonly Person[],
): Promise<Pick<OrganisationSettings, 'membersMayAcceptOffers'> | undefined> =>
  offerDecisionKinds.has(entry.kind) && people.some((person) => recipientAccess(person, request) === 'org_member')
    ? (await deps.organisations.getOrganisation(request.orgId))?.settings
    : undefined;

/** An order mail's entry names no PDF, or one not under its request's orders' prefix: a bug where the entry is written. */
export class MissingDocumentError extends Error {
  override readonly name = 'MissingDocumentError';
}

/**
 * The files a mail about this entry carries, the same for every recipient (client side and agency
 * alike): the order's PDF for `order_issued`, nothing for any other kind. A PDF that can't be read
 * throws before anything is claimed, so the entry is retried rather than mailed without it.
 */
export const attachmentsOf = async (deps: Pick<NotifierDeps, 'documents'>, entry: TimelineEntry): Promise<MailAttachment[]> => {
  if (entry.kind !== 'order_issued') return [];
  const { documentKey, fileName } = entry.details ?? {};
  // This request's own PDF only (`orders/<requestId>/…`, as the order service stores it), never another key.
  if (!documentKey?.startsWith(`${orderPrefix}${entry.requestId}/`) || documentKey.includes('..') || !fileName) {
    throw new MissingDocumentError(`Entry ${entry.entryId} names no order PDF of its own: ${documentKey} ${fileName}`);
  }
  return [{ fileName, contentType: 'application/pdf', content: await deps.documents.read(documentKey) }];
};

interface EntryMail {
  entry: TimelineEntry;
  request: Request;
  group: string;
  digest?: ReorderDigest;
  settings?: Pick<OrganisationSettings, 'membersMayAcceptOffers'>;
  /** Read once per entry, on the first recipient actually to be mailed. */
  attachments: () => Promise<MailAttachment[]>;
}

const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let promise: Promise<T> | undefined;
  return () => (promise ??= read());
};

const deliverTo = async (deps: NotifierDeps, mail: EntryMail, recipient: Recipient, facts: Awaited<ReturnType<MailPeopleStore['facts']>>): Promise<MailOutcome> => {
  const { person } = recipient;
  const userId = person.userId;
  const why = withheld(recipient, { muted: facts.muted.has(userId), suppressed: facts.suppressed.has(person.email.toLowerCase()), assigneeId: mail.request.assigneeId });
  const record: NewMailRecord = {
    group: mail.group,
    recipientId: userId,
    email: person.email,
    requestId: mail.entry.requestId,
    entryId: mail.entry.entryId,
    entryCreatedAt: mail.entry.createdAt,
  };
  if (why === 'suppressed') {
    await deps.mailRecords.suppressed(record, deps.now().toISOString());
    deps.metrics.count('MailsSuppressed');
    return { userId, outcome: 'suppressed' };
  }
  if (why) return { userId, outcome: why };
  // Before the claim: a PDF that can't be read leaves nothing claimed, and the retry finds the mail still to send.
  const attachments = await mail.attachments();
  const token = deps.newId();
  const claim = await deps.mailRecords.claim(record, token, deps.now());
  if (claim === 'done') return { userId, outcome: 'done' };
  if (claim === 'busy') throw new MailInFlightError(`Mail ${mailIdOf(record)} is being sent by another invocation`);
  const linkKey = await deps.linkKey();
  const outcome = await sendClaimed(deps, record, token, { requestId: record.requestId, userId, correlationId: mail.entry.correlationId }, async (thread) =>
    composeMail(deps.site, linkKey, deps.now(), { entry: mail.entry, request: mail.request, digest: mail.digest, settings: mail.settings, person, attachments, thread }),
  );
  return { userId, outcome };
};

/**
 * Mails everyone a new timeline entry concerns (the notification matrix), once each: a mail
 * record is claimed before each send, so a stream record delivered again sends nothing more.
 * Every recipient is tried; if any could not be decided (their mail is in flight elsewhere, or
 * DynamoDB failed) this throws after the others are done, and the retry skips those done.
 */
export const notifyEntry = async (deps: NotifierDeps, entry: TimelineEntry): Promise<MailOutcome[]> => {
  const request = await deps.requests.get(entry.requestId);
  if (!request) {
    logger.warn('entry of a request that does not exist: nobody to mail', { requestId: entry.requestId, entryId: entry.entryId, ...correlated(entry.correlationId) });
    return [];
  }
  const recipients = recipientsOf(entry, await peopleAround(deps, request, entry));
  if (recipients.length === 0) return [];
  const people = recipients.map((recipient) => recipient.person);
  const [facts, digest, settings] = await Promise.all([
    deps.people.facts(request.requestId, people),
    entry.kind === 'rank_changed' ? reorderDigest(deps, request) : undefined,
    offerSettingsFor(deps, entry, request, people),
  ]);
  const mail: EntryMail = { entry, request, group: mailGroupOf(entry, request.orgId), digest, settings, attachments: once(() => attachmentsOf(deps, entry)) };
  const settled = await Promise.allSettled(recipients.map((recipient) => deliverTo(deps, mail, recipient, facts)));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<MailOutcome>).value);
};
