import { mailIdOf } from '../../domain/mail/mail-record.js';
import { correlated } from '../../observability/correlation.js';
import { logger } from '../../observability/logger.js';
import { MailRejectedError, type MailRecordKey, type MailThread, type OutgoingMail } from '../ports/mail.js';
import type { NotifierDeps } from '../ports/deps.js';


const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Whose thread a mail continues: one person's mails about one request. */
export interface ThreadKey {
  requestId: string;
  userId: string;
}

/** What a mail is about: its thread, and the action whose entry it tells of (named with what is logged about it). */
export interface MailAbout extends ThreadKey {
  correlationId?: string;
}

/** The thread so far; a mail whose thread can't be read goes unthreaded rather than late. */
const threadOf = async (deps: Pick<NotifierDeps, 'threads'>, thread: MailAbout): Promise<MailThread | undefined> => {
  try {
    return await deps.threads.get(thread.requestId, thread.userId);
  } catch (error) {
    logger.warn('mail thread not read: the mail goes without threading headers', { requestId: thread.requestId, userId: thread.userId, ...correlated(thread.correlationId), error: describe(error) });
    return undefined;
  }
};

/**
 * Sends a claimed mail: retries what SES may accept later (throttling, outages) with backoff,
 * then records SES's message id, or parks the mail with the last error. A mail that can't even
 * be written (a template bug) is parked too: visible, never lost. `write` gets the person's
 * thread about the request so far; once sent, the mail's Message-ID is added to it. What is
 * logged names the correlation id the mail is about, if it is given one.
 */
export const sendClaimed = async (
  deps: Pick<NotifierDeps, 'mailer' | 'mailRecords' | 'threads' | 'retry' | 'now' | 'metrics'>,
  key: MailRecordKey,
  token: string,
  thread: MailAbout,
  write: (thread: MailThread | undefined) => Promise<OutgoingMail>,
): Promise<'sent' | 'parked'> => {
  let attempts = 0;
  let failure: unknown;
  let mail: OutgoingMail | undefined;
  try {
    mail = await write(await threadOf(deps, thread));
  } catch (error) {
    failure = error;
  }
  while (mail && attempts < deps.retry.attempts) {
    if (attempts > 0) await deps.retry.sleep(deps.retry.baseDelayMs * 2 ** (attempts - 1) * (0.5 + Math.random() / 2));
    attempts++;
    let messageId: string;
    let messageIdHeader: string | undefined;
    try {
      ({ messageId, messageIdHeader } = await deps.mailer.send(mail));
    } catch (error) {
      failure = error;
      if (error instanceof MailRejectedError) break;
      logger.warn('mail not accepted', { mailId: mailIdOf(key), attempt: attempts, of: deps.retry.attempts, ...correlated(thread.correlationId), error: describe(error) });
      continue;
    }
    // Outside the retry: SES took the mail, so a failure to record it must not send it again here.
    await deps.mailRecords.sent(key, token, { messageId, at: deps.now().toISOString(), attempts });
    deps.metrics.count('MailsSent');
    if (messageIdHeader) {
      // Threading is a courtesy: a failure here leaves the mail sent, and the next one unthreaded.
      try {
        await deps.threads.append(thread.requestId, thread.userId, messageIdHeader);
      } catch (error) {
        logger.warn('mail thread not recorded', { mailId: mailIdOf(key), messageId, ...correlated(thread.correlationId), error: describe(error) });
      }
    }
    return 'sent';
  }
  await deps.mailRecords.park(key, token, { error: describe(failure), at: deps.now().toISOString(), attempts });
  deps.metrics.count('MailsParked');
  logger.error('mail parked', { mailId: mailIdOf(key), attempts, ...correlated(thread.correlationId), error: describe(failure) });
  return 'parked';
};

