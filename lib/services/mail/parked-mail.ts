import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { mailIdOf, parseMailId, type MailRecord } from '../../domain/mail/mail-record.js';
import { agencyCaller } from '../people/caller.js';
import type { Caller, NotifierDeps } from '../ports/deps.js';
import { composeMail } from './mail-composer.js';
import { sendClaimed } from './mail-sending.js';
import { attachmentsOf, offerSettingsFor, reorderDigest } from './notifier.js';
import type { Page } from '../ports/common.js';

/** The parked mails are the agency's to see and send again. */
const mustBeAgency = (deps: Pick<NotifierDeps, 'users'>, caller: Caller) => agencyCaller(deps.users, caller.userId, 'handle parked mail');

export interface ParkedMailView {
  mailId: string;
  requestId: string;
  recipientId: string;
  email: string;
  state: MailRecord['state'];
  attempts: number;
  parkedAt?: string;
  error?: string;
  messageId?: string;
}

export const toParkedView = (record: MailRecord): ParkedMailView => ({
  mailId: mailIdOf(record),
  requestId: record.requestId,
  recipientId: record.recipientId,
  email: record.email,
  state: record.state,
  attempts: record.attempts,
  parkedAt: record.parkedAt,
  error: record.error,
  messageId: record.messageId,
});

/** The parked mails, oldest first (agency staff). */
export const listParkedMail = async (deps: NotifierDeps, caller: Caller, limit: number, cursor?: string): Promise<Page<ParkedMailView>> => {
  await mustBeAgency(deps, caller);
  const page = await deps.mailRecords.listParked(limit, cursor);
  return { ...page, items: page.items.map(toParkedView) };
};

/** Sends a parked mail again, now, as it would have been written (the entry, the person's current language). */
export const resendParked = async (deps: NotifierDeps, caller: Caller, mailId: string): Promise<ParkedMailView> => {
  await mustBeAgency(deps, caller);
  const key = parseMailId(mailId);
  if (!key) throw new ValidationError([{ field: 'path.mailId', reason: 'is not a mail id orderdesk gave out' }]);
  const current = await deps.mailRecords.get(key);
  if (!current) throw new NotFoundError('Mail');
  if (current.state !== 'parked') throw new ConflictError(`This mail is ${current.state}, not parked`, 'Nothing to do');
  const [entry, request, people] = await Promise.all([
    deps.timeline.get(current.requestId, current.entryCreatedAt, current.entryId),
    deps.requests.get(current.requestId),
    deps.people.byIds([current.recipientId]),
  ]);
  const person = people.get(current.recipientId);
  if (!entry || !request || !person) throw new ConflictError('The request, its entry or the person of this mail is gone', 'Nothing to send');
  // Before the claim: a PDF that can't be read fails the call and leaves the mail parked.
  const attachments = await attachmentsOf(deps, entry);
  const token = deps.newId();
  await deps.mailRecords.claimParked(key, token, deps.now());
  const digest = entry.kind === 'rank_changed' ? await reorderDigest(deps, request) : undefined;
  const settings = await offerSettingsFor(deps, entry, request, [person]);
  const linkKey = await deps.linkKey();
  // The address may have changed since it was parked: the mail goes where the person is now.
  await sendClaimed(deps, key, token, { requestId: request.requestId, userId: person.userId }, async (thread) =>
    composeMail(deps.site, linkKey, deps.now(), { entry, request, person, digest, settings, attachments, thread }),
  );
  const after = await deps.mailRecords.get(key);
  return toParkedView(after ?? current);
};
