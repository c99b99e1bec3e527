// In AWS, Cognito sends its own mails (an invitation's temporary password, a password reset code)
// through SES; cognito-local only prints them. `sendMailThroughSes` makes its sender send each
// e-mail through the local SES server as well (SES v2 SendEmail), so the mail lands in the local
// inbox: through the server's front like every other mail, hence kept in `.local/ses/sent.jsonl`
// too (see local/ses.ts). The console box stays, for debugging; SMS stays on the console only.
'use strict';

const sendPath = '/v2/email/outbound-emails';

/** The local server checks no signature, only that a request has an AWS authorization header. */
const authorization = 'AWS4-HMAC-SHA256 Credential=local/19700101/local/ses/aws4_request, SignedHeaders=host, Signature=unsigned';

/** Pauses between attempts: SES starts beside cognito-local, and an outage or throttle passes. */
const defaultRetryDelaysMs = [100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000];

/** Answers worth another attempt: SES throttling or out of service (a rejection never passes). */
const retriable = (status) => status === 429 || status >= 500;

/**
 * The SendEmail body: what the custom-message trigger wrote (subject and HTML, placeholders filled
 * in by cognito-local), or, for a message the trigger left alone, Cognito's plain default.
 */
const sendEmailBody = (from, destination, { __code, emailSubject, emailMessage }) => ({
  FromEmailAddress: from,
  Destination: { ToAddresses: [destination] },
  Content: {
    Simple: {
      Subject: { Data: emailSubject || 'Your verification code', Charset: 'UTF-8' },
      Body: emailMessage
        ? { Html: { Data: emailMessage, Charset: 'UTF-8' } }
        : { Text: { Data: `Your verification code is ${__code}.`, Charset: 'UTF-8' } },
    },
  },
});

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one mail, retrying while SES is unreachable or answers 429/5xx; throws once it refuses or
 * the attempts run out, so the Cognito call fails as it would in AWS rather than losing the mail.
 */
const sendThroughSes = async ({ sesUrl, from, retryDelaysMs }, destination, message) => {
  const body = JSON.stringify(sendEmailBody(from, destination, message));
  let lastProblem = '';
  for (let attempt = 0; attempt <= retryDelaysMs.length; attempt += 1) {
    if (attempt > 0) await wait(retryDelaysMs[attempt - 1]);
    let response;
    try {
      response = await fetch(`${sesUrl}${sendPath}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
    } catch (error) {
      lastProblem = error instanceof Error ? (error.cause?.message ?? error.message) : String(error);
      continue;
    }
    const text = await response.text();
    if (response.ok) return JSON.parse(text).MessageId;
    lastProblem = `${response.status} ${text}`;
    if (!retriable(response.status)) break;
  }
  throw new Error(`the local SES server did not take the mail to ${destination}: ${lastProblem}`);
};

/** Patches cognito-local's ConsoleMessageSender (the class, so the sender its server builds). */
exports.sendMailThroughSes = (ConsoleMessageSender, { sesUrl, from, retryDelaysMs = defaultRetryDelaysMs }) => {
  const printEmail = ConsoleMessageSender.prototype.sendEmail;
  ConsoleMessageSender.prototype.sendEmail = async function sendEmail(ctx, user, destination, message) {
    await printEmail.call(this, ctx, user, destination, message);
    const messageId = await sendThroughSes({ sesUrl, from, retryDelaysMs }, destination, message);
    ctx.logger.info(`Sent to ${destination} through the local SES server (${sesUrl}), message id ${messageId}`);
  };
};
