/**
 * Why a mail was parked, read from the last error SES (or writing the mail) gave: the error is
 * English and technical, so the page leads with what it means for the agent.
 * - `rejected`: SES refused it for good (`MessageRejected`, the mailer's `MailRejectedError`): the
 *   address is likely wrong or not allowed; sending again as it is will be refused again;
 * - `unavailable`: SES throttled or was out of service for every attempt: it usually passes now;
 * - `other`: anything else (a mail that could not be written, a network failure).
 */
export type ParkedReason = 'rejected' | 'unavailable' | 'other';

export const parkedReasonOf = (error: string | undefined): ParkedReason => {
  if (!error) return 'other';
  if (/MessageRejected|MailRejected|MailFromDomainNotVerified|AccountSuspended|SendingPaused/i.test(error)) return 'rejected';
  if (/Throttl|TooManyRequests|ServiceUnavailable|Unavailable|Timeout|ECONNRE|ETIMEDOUT|\b5\d\d\b/i.test(error)) return 'unavailable';
  return 'other';
};
