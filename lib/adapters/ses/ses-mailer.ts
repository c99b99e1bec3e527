import { SendEmailCommand, SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { MailRejectedError, type Mailer } from '../../services/mail-ports.js';

/** SES's answers that no retry changes: the mail, its sender or the account is refused. */
const finalRefusals = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);

/** SES message tags allow only these characters (and 256 of them). */
const tagValue = (value: string) => value.replace(/[^\w.@-]/g, '_').slice(0, 256);

/**
 * Sends through SES v2 as a Simple mail (HTML and text, SES builds the MIME) with our headers.
 * The SDK does not retry here: the notifier retries with its own backoff and counts the attempts.
 */
export const sesMailer = (client: SESv2Client, configurationSet?: string): Mailer => ({
  async send(mail) {
    try {
      const { MessageId } = await client.send(
        new SendEmailCommand({
          FromEmailAddress: mail.from,
          Destination: { ToAddresses: [mail.to] },
          ConfigurationSetName: configurationSet,
          EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })),
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
              Headers: Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })),
            },
          },
        }),
      );
      if (!MessageId) throw new Error('SES answered without a message id');
      return { messageId: MessageId };
    } catch (error) {
      if (error instanceof SESv2ServiceException && finalRefusals.has(error.name)) throw new MailRejectedError(`SES refused the mail: ${error.name}: ${error.message}`, { cause: error });
      throw error;
    }
  },
});

/** One client per process; the SDK's own AWS_ENDPOINT_URL_SESV2 points it at the local server. */
export const sesClient = () => new SESv2Client({ maxAttempts: 1 });
