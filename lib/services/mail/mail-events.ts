import { createHash } from 'node:crypto';
import { system } from '../../domain/actor.js';
import { NotFoundError } from '../../domain/errors.js';
import { undeliverableOf, type MailEvent } from '../../domain/mail/mail-event.js';
import { RequestId } from '../../domain/request.js';
import { logger } from '../../observability/logger.js';
import { agencyCaller } from '../people/caller.js';
import type { Caller, MailEventDeps } from '../ports/deps.js';
import type { Page } from '../ports/common.js';
import type { Suppression } from '../ports/mail.js';
import { newEntry } from '../requests/timeline.js';

/**
 * A bounce or complaint, recorded at once: the address is suppressed (the notifier mails it no
 * more), and the request the mail was about shows it on its timeline. The entry's id comes from
 * the event, so EventBridge delivering it twice writes the same entry (and mails nobody twice:
 * the notifier reacts to new entries only).
 */
export const recordMailEvent = async (deps: MailEventDeps, event: MailEvent) => {
  const undeliverable = undeliverableOf(event);
  const suppressed = undeliverable.map((item) => item.email);
  const at = deps.now().toISOString();
  for (const item of undeliverable) await deps.suppressions.suppress({ email: item.email, reason: item.reason, at, detail: item.detail?.slice(0, 500) });
  if (undeliverable.length > 0) deps.metrics.count('AddressesSuppressed', undeliverable.length);
  const requestId = RequestId.safeParse(event.detail.mail.tags?.request?.[0]).data;
  if (undeliverable.length === 0 || !requestId) return { suppressed, requestId };
  const createdAt = new Date(event.time).toISOString();
  const entries = await Promise.all(
    undeliverable.map(async (item) => {
      const person = await deps.users.findByEmail(item.email);
      const entryId = createHash('sha256').update(`${event.detail.mail.messageId}\n${item.email}\n${item.reason}`).digest('hex').slice(0, 32);
      return newEntry({ newId: () => entryId, correlationId: deps.correlationId }, system('notifier'), requestId, createdAt, {
        kind: 'mail_undeliverable',
        details: { email: item.email, reason: item.reason, ...(person ? { userId: person.userId, name: person.name } : {}) },
      });
    }),
  );
  try {
    await deps.unitOfWork.commit([deps.requests.mustExist(requestId), ...entries.map((entry) => deps.timeline.append(entry))]);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    logger.warn('mail event about a request that does not exist', { requestId });
    return { suppressed, requestId: undefined };
  }
  return { suppressed, requestId };
};

/**
 * Mails an address again (agency staff), e.g. once a client fixed the mailbox that bounced. SES's
 * own account-level suppression list, if the account uses it, is the operator's to clear.
 */
export const liftSuppression = async (deps: Pick<MailEventDeps, 'suppressions' | 'users'>, caller: Caller, email: string): Promise<Suppression> => {
  await agencyCaller(deps.users, caller.userId, 'lift a suppression');
  const lifted = await deps.suppressions.lift(email.toLowerCase());
  if (!lifted) throw new NotFoundError(`A suppression of ${email.toLowerCase()}`);
  return lifted;
};

/**
 * The addresses orderdesk does not mail, newest first (agency staff): each with why (a bounce or
 * a complaint), when and what SES said, so staff can ask the client for a working address and
 * then lift it. `q`: part of the address, any case.
 */
export const listSuppressions = async (
  deps: Pick<MailEventDeps, 'suppressions' | 'users'>,
  caller: Caller,
  query: { q?: string; limit: number; cursor?: string },
): Promise<Page<Suppression>> => {
  await agencyCaller(deps.users, caller.userId, 'see suppressed addresses');
  return deps.suppressions.list(query.limit, query.cursor, query.q?.toLowerCase());
};
