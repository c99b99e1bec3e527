import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { functions } from '../lib/lambda/table.js';
import { RequestId } from '../lib/domain/request.js';
import { runningStack } from '../local/running-stack.js';

const usage = [
  'usage: npm run mail-event -- bounce|complaint <e-mail> [request number]',
  '  feeds SES’s event (as its configuration set publishes it to EventBridge) through the',
  '  record-mail-event function of the running local stack: the address is suppressed, and the',
  '  request (if given) shows that mail to that person is not delivered.',
].join('\n');

/** Says, as SES would, that a mail bounced for good or that its recipient complained. */
const main = async () => {
  const [kind, email, requestArg] = process.argv.slice(2);
  const request = requestArg === undefined ? undefined : RequestId.safeParse(requestArg);
  if ((kind !== 'bounce' && kind !== 'complaint') || !z.email().safeParse(email).success || (request && !request.success)) {
    console.error(usage);
    process.exit(2);
  }
  const { lambdaUrl } = runningStack(z.object({ lambdaUrl: z.string() }));
  const time = new Date().toISOString();
  const mail = { messageId: `local-${randomUUID()}`, timestamp: time, destination: [email], tags: request?.success ? { request: [request.data] } : {} };
  const detail =
    kind === 'bounce'
      ? { eventType: 'Bounce', mail, bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email, diagnosticCode: 'smtp; 550 5.1.1 user unknown (local)' }], timestamp: time } }
      : { eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'abuse', timestamp: time } };
  const event = { version: '0', id: randomUUID(), 'detail-type': kind === 'bounce' ? 'Email Bounced' : 'Email Complaint Received', source: 'aws.ses', time, detail };
  const response = await fetch(`${lambdaUrl}/2015-03-31/functions/${functions.recordMailEvent.name}/invocations`, { method: 'POST', body: JSON.stringify(event) });
  const answer = await response.text();
  if (response.headers.get('x-amz-function-error')) {
    console.error(`orderdesk: the function refused the event: ${answer}`);
    process.exit(1);
  }
  console.log(answer);
};

main().catch((error: unknown) => {
  console.error(`orderdesk: no event: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
