import { inject } from 'vitest';
import * as z from 'zod';
import { pollUntil } from '../../local/poll.js';

/** A mail as the local SES server stores it (`GET /store`). */
const SentMail = z.object({
  messageId: z.string(),
  from: z.string(),
  destination: z.object({ to: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  at: z.number(),
});
export type SentMail = z.infer<typeof SentMail>;

const mailUrl = () => inject('stack').mailUrl;

/** Every mail about a request so far (its number is in every subject: `[#2026-0042]`). */
export const mailsAbout = async (requestId: string): Promise<SentMail[]> => {
  const response = await fetch(`${mailUrl()}/store`);
  const { emails } = z.object({ emails: z.array(SentMail) }).parse(await response.json());
  return emails.filter((mail) => mail.subject.includes(`[#${requestId}]`));
};

export const recipientOf = (mail: SentMail) => mail.destination.to.join(',').toLowerCase();

/** Every mail to an address so far, oldest first (Cognito's mails name no request). */
export const mailsTo = async (address: string): Promise<SentMail[]> => {
  const response = await fetch(`${mailUrl()}/store`);
  const { emails } = z.object({ emails: z.array(SentMail) }).parse(await response.json());
  return emails.filter((mail) => recipientOf(mail) === address.toLowerCase());
};

/**
 * Waits until the mails about a request satisfy `done` (the notifier works off the stream, a
 * moment after the change), polling with a bound; says what arrived if they never do.
 */
export const waitForMails = (requestId: string, done: (mails: SentMail[]) => boolean, timeoutMs = 15_000): Promise<SentMail[]> =>
  pollUntil(
    `mails about ${requestId} as expected`,
    async () => {
      const mails = await mailsAbout(requestId);
      return done(mails) ? mails : undefined;
    },
    { timeoutMs, state: async () => `got:\n${(await mailsAbout(requestId)).map((m) => `${recipientOf(m)}: ${m.subject}`).join('\n')}` },
  );

/** Mails about a request whose subject matches, by recipient. */
export const byRecipient = (mails: SentMail[], subject: RegExp) => {
  const found = new Map<string, SentMail[]>();
  for (const mail of mails.filter((m) => subject.test(m.subject))) found.set(recipientOf(mail), [...(found.get(recipientOf(mail)) ?? []), mail]);
  return found;
};

/** Makes the local SES fail the next `failures` sends to `to` (see local/ses.ts). */
export const failMailTo = async (to: string, failures: number, kind: 'throttle' | 'outage' | 'reject' = 'outage') => {
  const response = await fetch(`${mailUrl()}/_faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to, failures, kind }) });
  if (!response.ok) throw new Error(`fault not set: ${await response.text()}`);
};

export const header = (mail: SentMail, name: string) => mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
