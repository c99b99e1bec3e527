import { mailIdOf } from '../domain/mail/delivery.js';
import { logger } from '../observability/logger.js';
import { MailRejectedError, type DeliveryKey, type OutgoingMail } from './mail-ports.js';
import type { NotifierDeps } from './notifier.js';

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Sends a claimed mail: retries what SES may accept later (throttling, outages) with backoff,
 * then records SES's message id, or parks the mail with the last error. A mail that can't even
 * be written (a template bug) is parked too: visible, never lost.
 */
export const sendClaimed = async (deps: Pick<NotifierDeps, 'mailer' | 'deliveries' | 'retry' | 'now'>, key: DeliveryKey, token: string, write: () => Promise<OutgoingMail>): Promise<'sent' | 'parked'> => {
  let attempts = 0;
  let failure: unknown;
  let mail: OutgoingMail | undefined;
  try {
    mail = await write();
  } catch (error) {
    failure = error;
  }
  while (mail && attempts < deps.retry.attempts) {
    if (attempts > 0) await deps.retry.sleep(deps.retry.baseDelayMs * 2 ** (attempts - 1) * (0.5 + Math.random() / 2));
    attempts++;
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send(mail));
    } catch (error) {
      failure = error;
      if (error instanceof MailRejectedError) break;
      logger.warn('mail not accepted', { mailId: mailIdOf(key), attempt: attempts, of: deps.retry.attempts, error: describe(error) });
      continue;
    }
    // Outside the retry: SES took the mail, so a failure to record it must not send it again here.
    await deps.deliveries.sent(key, token, { messageId, at: deps.now().toISOString(), attempts });
    return 'sent';
  }
  await deps.deliveries.park(key, token, { error: describe(failure), at: deps.now().toISOString(), attempts });
  logger.error('mail parked', { mailId: mailIdOf(key), attempts, error: describe(failure) });
  return 'parked';
};

