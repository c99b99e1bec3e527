import { inject } from 'vitest';
import * as z from 'zod';
import { demoUsers } from '../../local/demo-data.js';
import { pollUntil } from '../../local/poll.js';

/** A mail as the local SES server stores it (`GET /store`). */
const SentMail = z.object({
  messageId: z.string(),
  from: z.string(),
  destination: z.object({ to: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  replyTo: z.array(z.string()).optional(),
  at: z.number(),
});
export type SentMail = z.infer<typeof SentMail>;

const mailUrl = () => inject('stack').mailUrl;

/** The local inbox's mails that match `filter` (`about` a request number, `to` an address), oldest first. */
const storedMails = async (filter: { about: string } | { to: string }): Promise<SentMail[]> => {
  const response = await fetch(`${mailUrl()}/store?${new URLSearchParams(filter)}`);
  return z.object({ emails: z.array(SentMail) }).parse(await response.json()).emails;
};

/** Every mail about a request so far (its number is in every subject: `[#2026-0042]`). */
export const mailsAbout = (requestId: string): Promise<SentMail[]> => storedMails({ about: requestId });

export const recipientOf = (mail: SentMail) => mail.destination.to.join(',').toLowerCase();

const demoStaff = new Set(demoUsers.map((user) => user.email.toLowerCase()).filter((email) => email.endsWith('@agency.example')));

/**
 * A mail to agency staff some test invited (`…@agency.example` but no demo person). Test files
 * run side by side on one stack: while one has an agent of its own active, the agency-wide mails of
 * every other file's requests reach that agent too, so a file counting whole recipient lists
 * leaves those out.
 */
export const toOtherTestsStaff = (mail: SentMail): boolean => {
  const to = recipientOf(mail);
  return to.endsWith('@agency.example') && !demoStaff.has(to);
};

/** Every mail to an address so far, oldest first (Cognito's mails name no request). */
export const mailsTo = (address: string): Promise<SentMail[]> => storedMails({ to: address });

/** The reply address of the last mail about a request to `to`. */
export const replyAddressOf = async (requestId: string, to: string): Promise<string> => {
  const address = (await mailsAbout(requestId)).filter((mail) => recipientOf(mail) === to.toLowerCase()).at(-1)?.replyTo?.[0];
  if (!address) throw new Error(`no mail with a reply address about ${requestId} to ${to}`);
  return address;
};

/**
 * Waits until the mails about a request satisfy `done` (the notifier works off the stream, a
 * moment after the change), polling with a bound; says what arrived if they never do. The bound
 * is generous: with test files side by side, the one notifier works through every file's changes
 * in order, and a record another file made fail on purpose is retried before the next (a stall
 * of up to ~30 s, the local stream's retries with backoff, seen early in side-by-side runs).
 */
export const waitForMails = (requestId: string, done: (mails: SentMail[]) => boolean, timeoutMs = 45_000): Promise<SentMail[]> =>
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
