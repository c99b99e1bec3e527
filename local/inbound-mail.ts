import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { mailPrefix } from '../lib/config/access.js';
import { s3FileStore } from '../lib/adapters/s3/file-store.js';
import { InboundOutcome } from '../lib/domain/mail/inbound-mail.js';
import { functions } from '../lib/lambda/table.js';
import { localCredentials, localRegion } from './local-aws.js';

/**
 * SES's receiving part for the local stack: what SES does with a mail for the inbound domain
 * (prepend its verdicts, store the raw MIME under `mail/`, and S3 tells EventBridge, which invokes
 * `inbound-mail`), played by `npm run inbound` and the stack's inbound folder alike.
 */

export type DmarcVerdict = 'pass' | 'fail';

/** Where the running stack's bucket and Lambda API are (`LocalStackInfo` has them). */
export interface InboundTarget {
  s3Url: string;
  bucketName: string;
  lambdaUrl: string;
}

/** The first line of a header (unfolded) in the raw mail's head, if there is one. */
const headerOf = (head: string, name: string) => new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head)?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();
const addressIn = (value: string | undefined) => (value ? (/<([^<>@\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? /([^\s<>,;"]+@[^\s<>,;"]+)/.exec(value)?.[1]) : undefined);

/**
 * The mail as SES's S3 action stores it: SES's own headers above the sender's (the envelope, its
 * Received line, the spam and virus verdicts, and `Authentication-Results: amazonses.com; …` with
 * the DMARC verdict given here; SPF and DKIM follow it).
 */
export const asStoredBySes = (raw: Buffer, verdict: { dmarc: DmarcVerdict; now?: Date }): Buffer => {
  const text = raw.toString('latin1');
  const headEnd = /\r?\n\r?\n/.exec(text)?.index ?? text.length;
  const head = text.slice(0, headEnd);
  const from = addressIn(headerOf(head, 'From')) ?? 'unknown@unknown.invalid';
  const to = addressIn(headerOf(head, 'To'));
  const domain = from.split('@')[1] ?? 'unknown.invalid';
  const result = verdict.dmarc;
  const date = (verdict.now ?? new Date()).toUTCString().replace('GMT', '+0000 (UTC)');
  const id = randomUUID().replaceAll('-', '');
  const lines = [
    `Return-Path: <${from}>`,
    `Received: from mail.${domain} (mail.${domain} [127.0.0.1]) by inbound-smtp.orderdesk.local with SMTP id ${id}${to ? ` for ${to}` : ''}; ${date}`,
    'X-SES-Spam-Verdict: PASS',
    'X-SES-Virus-Verdict: PASS',
    `Received-SPF: ${result} (spfCheck: local) client-ip=127.0.0.1; envelope-from=${from}; helo=mail.${domain};`,
    `Authentication-Results: amazonses.com; spf=${result} (spfCheck: local) client-ip=127.0.0.1; envelope-from=${from}; helo=mail.${domain}; dkim=${result} header.i=@${domain}; dmarc=${result} header.from=${domain};`,
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'), raw]);
};

/** EventBridge's "Object Created" event for a stored mail, as the bucket's notification sends it. */
export const objectCreatedEvent = (bucketName: string, key: string, size: number, now = new Date()) => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Object Created',
  source: 'aws.s3',
  account: '000000000000',
  time: now.toISOString(),
  region: localRegion,
  resources: [`arn:aws:s3:::${bucketName}`],
  detail: {
    version: '0',
    bucket: { name: bucketName },
    object: { key, size, etag: randomUUID().replaceAll('-', ''), sequencer: Date.now().toString(16).toUpperCase() },
    'request-id': randomUUID(),
    requester: 'ses.amazonaws.com',
    reason: 'PutObject',
  },
});

/** What Lambda answers for a function that threw. */
const FunctionError = z.object({ errorType: z.string(), errorMessage: z.string() });

/** The function's answer: the outcome, or the error it threw (an outage: EventBridge would retry). */
export type InboundRun = { key: string; outcome: InboundOutcome } | { key: string; error: z.infer<typeof FunctionError> };

/** Invokes `inbound-mail` for a stored object through the local Lambda Invoke API, as EventBridge would. */
export const invokeInbound = async (target: InboundTarget, key: string, size: number): Promise<InboundRun> => {
  const response = await fetch(`${target.lambdaUrl}/2015-03-31/functions/${functions.inboundMail.name}/invocations`, {
    method: 'POST',
    body: JSON.stringify(objectCreatedEvent(target.bucketName, key, size)),
  });
  const body: unknown = await response.json();
  if (response.headers.get('x-amz-function-error') || !response.ok) return { key, error: FunctionError.parse(body) };
  return { key, outcome: InboundOutcome.parse(body) };
};

/**
 * Receives a raw mail as SES would: its verdicts prepended (DMARC `pass` unless told `fail`),
 * stored in the local bucket as `mail/<id>.eml` with the stack's credentials, then handed to
 * `inbound-mail` with the EventBridge-shaped event. Answers the function's outcome.
 */
export const receiveLocally = async (target: InboundTarget, raw: Buffer, options: { dmarc?: DmarcVerdict } = {}): Promise<InboundRun> => {
  const stored = asStoredBySes(raw, { dmarc: options.dmarc ?? 'pass' });
  const key = `${mailPrefix}${randomUUID()}.eml`;
  const bucket = s3FileStore({
    target: () => ({ bucket: target.bucketName, region: localRegion, endpoint: target.s3Url, pathStyle: true }),
    credentials: () => localCredentials,
    now: () => new Date(),
  });
  await bucket.put(key, stored, 'message/rfc822');
  return invokeInbound(target, key, stored.byteLength);
};
