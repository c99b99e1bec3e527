import * as z from 'zod';
import type { LocalStackInfo } from '../local/stack.js';
import { expectStatus, type ApiCaller } from './api.js';

const Store = z.object({ emails: z.array(z.object({ subject: z.string(), destination: z.object({ to: z.array(z.string()) }) })) });

/** Mails about a request that the local SES server stored since `sinceSeconds` (its own filter keeps each poll small). */
const mailsAbout = async (info: LocalStackInfo, requestId: string, sinceSeconds: number): Promise<number> => {
  const response = await fetch(`${info.mailUrl}/store?since=${sinceSeconds}`);
  const { emails } = Store.parse(await response.json());
  return emails.filter((mail) => mail.subject.includes(`[#${requestId}]`)).length;
};

/** Waits, polling every few ms with a bound, until `count` mails about the request have arrived since `sinceSeconds`. */
export const waitForMails = async (info: LocalStackInfo, requestId: string, count: number, sinceSeconds: number, timeoutMs: number): Promise<void> => {
  const until = performance.now() + timeoutMs;
  while ((await mailsAbout(info, requestId, sinceSeconds)) < count) {
    if (performance.now() > until) throw new Error(`fewer than ${count} mails about ${requestId} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** Empties the local inbox, so the polls that follow read only what comes next. */
export const clearInbox = async (info: LocalStackInfo) => {
  await fetch(`${info.mailUrl}/clear-store`, { method: 'POST' });
};

/**
 * The time from a change (a message posted through the API) to the last of its mails in the
 * local inbox, for `changes` changes one after the other: the API call, the table's stream, the
 * notifier and SES together. `recipients` is how many mails each change sends.
 */
export const measureMailLatency = async (info: LocalStackInfo, caller: ApiCaller, requestId: string, changes: number, recipients: number): Promise<number[]> => {
  const samples: number[] = [];
  for (let index = 0; index < changes; index++) {
    await clearInbox(info);
    const since = Math.floor(Date.now() / 1000) - 1;
    const started = performance.now();
    expectStatus('POST message', await caller.call('POST', `/requests/${requestId}/messages`, { body: `Mail latency ${index + 1}` }), 201);
    await waitForMails(info, requestId, recipients, since, 30_000);
    samples.push(performance.now() - started);
  }
  return samples;
};
