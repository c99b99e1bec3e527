import { describe, expect, it } from 'vitest';
import { MailRejectedError, type MailRecordKey, type MailThread, type OutgoingMail } from '../../../lib/services/ports/mail.js';
import { sendClaimed, type ThreadKey } from '../../../lib/services/mail/mail-sending.js';
import { recordingMetrics } from '../../support/metrics.js';

const key: MailRecordKey = { group: 'entry#2026-0042#e1', recipientId: 'u1' };
const mail: OutgoingMail = { from: 'a@b.cz', to: 'c@d.cz', subject: 's', html: '<p>h</p>', text: 't', headers: {}, tags: {} };
const thread: ThreadKey = { requestId: '2026-0042', userId: 'u1' };
const headerOf = (messageId: string) => `<${messageId}@eu-central-1.amazonses.com>`;

/**
 * A mailer answering each attempt with the next of `answers` (an error is thrown), deliveries that
 * keep their outcome, and threads kept in a list (reading or appending failing if told).
 */
const world = (answers: (string | Error)[], recordFails?: Error, threads: { stored?: MailThread; readFails?: Error; appendFails?: Error; noHeader?: boolean } = {}) => {
  const outcome: { sent?: unknown; parked?: { error: string; attempts: number }; appended: [string, string, string][] } = { appended: [] };
  const calls = { send: 0, sleeps: [] as number[] };
  const { metrics, counts } = recordingMetrics();
  const deps = {
    mailer: {
      send: async () => {
        const answer = answers[calls.send++] ?? new Error('no more answers');
        if (answer instanceof Error) throw answer;
        return threads.noHeader ? { messageId: answer } : { messageId: answer, messageIdHeader: headerOf(answer) };
      },
    },
    threads: {
      get: async (requestId: string, userId: string) => {
        if (threads.readFails) throw threads.readFails;
        return requestId === thread.requestId && userId === thread.userId ? threads.stored : undefined;
      },
      append: async (requestId: string, userId: string, messageId: string) => {
        if (threads.appendFails) throw threads.appendFails;
        outcome.appended.push([requestId, userId, messageId]);
      },
    },
    mailRecords: {
      sent: async (_: MailRecordKey, __: string, sent: unknown) => {
        if (recordFails) throw recordFails;
        outcome.sent = sent;
      },
      park: async (_: MailRecordKey, __: string, parked: { error: string; attempts: number }) => {
        outcome.parked = parked;
      },
    } as never,
    retry: { attempts: 4, baseDelayMs: 100, sleep: async (ms: number) => void calls.sleeps.push(ms) },
    now: () => new Date('2026-11-25T10:00:00.000Z'),
    metrics,
  };
  return { deps, outcome, calls, counts };
};

const throttled = () => Object.assign(new Error('slow down'), { name: 'AwsApiError' });

describe('sending a claimed mail', () => {
  it('retries what SES refused for now, with growing waits, and records the message id of the send that went', async () => {
    const { deps, outcome, calls, counts } = world([throttled(), throttled(), 'ses-3']);
    expect(await sendClaimed(deps, key, 'token', thread, async () => mail)).toBe('sent');
    expect(counts()).toEqual({ MailsSent: 1 });
    expect(calls.send).toBe(3);
    expect(outcome.sent).toEqual({ messageId: 'ses-3', at: '2026-11-25T10:00:00.000Z', attempts: 3 });
    expect(outcome.appended).toEqual([['2026-0042', 'u1', headerOf('ses-3')]]);
    expect(calls.sleeps).toHaveLength(2);
    expect(calls.sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(calls.sleeps[0]).toBeLessThanOrEqual(100);
    expect(calls.sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(calls.sleeps[1]).toBeLessThanOrEqual(200);
  });

  it('parks a mail SES keeps refusing after every attempt, with the last error', async () => {
    const { deps, outcome, calls, counts } = world([throttled(), throttled(), throttled(), new Error('still down')]);
    expect(await sendClaimed(deps, key, 'token', thread, async () => mail)).toBe('parked');
    expect(counts()).toEqual({ MailsParked: 1 });
    expect(calls.send).toBe(4);
    expect(outcome.parked).toMatchObject({ attempts: 4, error: 'Error: still down' });
    expect(outcome.sent).toBeUndefined();
    expect(outcome.appended).toEqual([]);
  });

  it('parks at once a mail SES rejects for good', async () => {
    const { deps, outcome, calls } = world([new MailRejectedError('MessageRejected'), 'never']);
    expect(await sendClaimed(deps, key, 'token', thread, async () => mail)).toBe('parked');
    expect(calls.send).toBe(1);
    expect(outcome.parked).toMatchObject({ attempts: 1, error: 'MailRejectedError: MessageRejected' });
  });

  it('parks a mail that could not be written, without sending anything', async () => {
    const { deps, outcome, calls } = world(['never']);
    expect(await sendClaimed(deps, key, 'token', thread, async () => Promise.reject(new TypeError('template bug')))).toBe('parked');
    expect(calls.send).toBe(0);
    expect(outcome.parked).toMatchObject({ attempts: 0, error: 'TypeError: template bug' });
  });

  it('never sends again when recording a sent mail fails: the failure goes up for the stream to retry', async () => {
    const lost = new Error('DynamoDB unavailable');
    const { deps, outcome, calls } = world(['ses-1', 'ses-2'], lost);
    await expect(sendClaimed(deps, key, 'token', thread, async () => mail)).rejects.toBe(lost);
    expect(calls.send).toBe(1);
    expect(outcome.parked).toBeUndefined();
  });

  it('writes the mail with the thread so far', async () => {
    const stored: MailThread = { first: headerOf('ses-0'), recent: [headerOf('ses-0')] };
    const { deps } = world(['ses-1'], undefined, { stored });
    const given: (MailThread | undefined)[] = [];
    expect(await sendClaimed(deps, key, 'token', thread, async (current) => (given.push(current), mail))).toBe('sent');
    expect(given).toEqual([stored]);
  });

  it('sends a mail whose thread can’t be read without threading, and still records it', async () => {
    const { deps, outcome, calls } = world(['ses-1'], undefined, { readFails: new Error('DynamoDB unavailable') });
    const given: (MailThread | undefined)[] = [];
    expect(await sendClaimed(deps, key, 'token', thread, async (current) => (given.push(current), mail))).toBe('sent');
    expect(given).toEqual([undefined]);
    expect(calls.send).toBe(1);
    expect(outcome.sent).toMatchObject({ messageId: 'ses-1' });
  });

  it('keeps a sent mail sent, once, when its thread can’t be recorded', async () => {
    const { deps, outcome, calls } = world(['ses-1', 'ses-2'], undefined, { appendFails: new Error('DynamoDB unavailable') });
    expect(await sendClaimed(deps, key, 'token', thread, async () => mail)).toBe('sent');
    expect(calls.send).toBe(1);
    expect(outcome.sent).toMatchObject({ messageId: 'ses-1', attempts: 1 });
    expect(outcome.parked).toBeUndefined();
  });

  it('adds nothing to the thread when the mailer knows no Message-ID', async () => {
    const { deps, outcome } = world(['ses-1'], undefined, { noHeader: true });
    expect(await sendClaimed(deps, key, 'token', thread, async () => mail)).toBe('sent');
    expect(outcome.appended).toEqual([]);
  });
});
