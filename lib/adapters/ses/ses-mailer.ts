import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { MailRejectedError, type Mailer } from '../../services/ports/mail.js';
import { credentialsFromEnvironment, regionFromEnvironment, type Credentials } from '../aws/sigv4.js';
import { AwsApiError, signedJsonCall } from '../aws/signed-json.js';

/** SES's answers that no retry changes: the mail, its sender or the account is refused. */
const finalRefusals = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);

/**
 * The Message-ID SES gives a mail it sent: `<MessageId@<region>.amazonses.com>`, in us-east-1
 * `@email.amazonses.com`. Undefined for an id that would not make a safe header (never seen).
 */
export const sesMessageIdHeader = (messageId: string, region: string): string | undefined =>
  /^[\w.-]+$/.test(messageId) && /^[a-z0-9-]+$/.test(region) ? `<${messageId}@${region === 'us-east-1' ? 'email' : region}.amazonses.com>` : undefined;

/** SES message tags allow only these characters (and 256 of them). */
const tagValue = (value: string) => value.replace(/[^\w.@-]/g, '_').slice(0, 256);

export interface SesTarget {
  region: string;
  /** `https://email.<region>.amazonaws.com`, or the local server's. */
  endpoint: string;
  credentials: Credentials;
  configurationSet?: string;
  fetch?: typeof fetch;
}

/** Where SES is and which configuration set mail names, from the function's environment (locally AWS_ENDPOINT_URL_SESV2 points at the local server). */
export const sesFromEnvironment = (): SesTarget => {
  const configurationSet = readEnv(EnvName.mailConfigurationSet, z.string().min(1).optional());
  const region = regionFromEnvironment();
  const endpoint = readEnv(EnvName.sesEndpoint, z.url().optional()) ?? `https://email.${region}.amazonaws.com`;
  return { region, endpoint, credentials: credentialsFromEnvironment(), configurationSet };
};

/**
 * Sends through SES v2's SendEmail as a Simple mail (HTML and text; SES builds the MIME) with our
 * headers, the Reply-To address and any attachments (`Content.Simple.Attachments`). No retries here: the notifier retries with its own backoff and counts the attempts.
 */
export const sesMailer = (target: () => SesTarget): Mailer => ({
  async send(mail) {
    const { region, endpoint, credentials, configurationSet, fetch } = target();
    try {
      const answer = await signedJsonCall({
        service: 'ses',
        region,
        endpoint,
        method: 'POST',
        path: '/v2/email/outbound-emails',
        operation: 'SendEmail',
        credentials,
        fetch,
        body: {
          FromEmailAddress: mail.from,
          Destination: { ToAddresses: [mail.to] },
          // SES writes the Reply-To header from these (a Reply-To among Headers would be a second one).
          ...(mail.replyTo ? { ReplyToAddresses: [mail.replyTo] } : {}),
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
          EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })),
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
              Headers: Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })),
              ...(mail.attachments?.length
                ? {
                    Attachments: mail.attachments.map((file) => ({
                      FileName: file.fileName,
                      ContentType: file.contentType,
                      ContentDisposition: 'ATTACHMENT',
                      // JSON carries the bytes base64-encoded; SES writes the MIME part base64 too (its default, 7bit, would break a PDF).
                      ContentTransferEncoding: 'BASE64',
                      RawContent: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength).toString('base64'),
                    })),
                  }
                : {}),
            },
          },
        },
      });
      const { MessageId } = z.object({ MessageId: z.string().min(1) }).parse(answer, { error: () => 'SES answered without a message id' });
      return { messageId: MessageId, messageIdHeader: sesMessageIdHeader(MessageId, region) };
    } catch (error) {
      if (error instanceof AwsApiError && finalRefusals.has(error.errorType)) throw new MailRejectedError(`SES refused the mail: ${error.message}`, { cause: error });
      throw error;
    }
  },
});
