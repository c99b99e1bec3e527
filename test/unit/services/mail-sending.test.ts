import { describe, expect, it } from 'vitest';
import { MailRejectedError, type DeliveryKey, type OutgoingMail } from '../../../lib/services/mail-ports.js';
import { sendClaimed } from '../../../lib/services/mail-sending.js';

const key: DeliveryKey = { group: 'entry#2026-0042#e1', recipientId: 'u1' };
const mail: OutgoingMail = { from: 'a@b.cz', to: 'c@d.cz', subject: 's', html: '<p>h</p>', text: 't', headers: {}, tags: {} };

/** A mailer answering each attempt with the next of `answers` (an error is thrown), and deliveries that keep their outcome. */
const world = (answers: (string | Error)[], recordFails?: Error) => {
  const outcome: { sent?: unknown; parked?: { error: string; attempts: number } } = {};
  const calls = { send: 0, sleeps: [] as number[] };
  const deps = {
    mailer: {
      send: async () => {
        const answer = answers[calls.send++] ?? new Error('no more answers');
        if (answer instanceof Error) throw answer;
        return { messageId: answer };
      },
    },
    deliveries: {
      sent: async (_: DeliveryKey, __: string, sent: unknown) => {
        if (recordFails) throw recordFails;
        outcome.sent = sent;
      },
      park: async (_: DeliveryKey, __: string, parked: { error: string; attempts: number }) => {
        outcome.parked = parked;
      },
    } as never,
    retry: { attempts: 4, baseDelayMs: 100, sleep: async (ms: number) => void calls.sleeps.push(ms) },
    now: () => new Date('2026-11-25T10:00:00.000Z'),
  };
  return { deps, outcome, calls };
};

const throttled = () => Object.assign(new Error('slow down'), { name: 'AwsApiError' });

describe('sending a claimed mail', () => {
  it('retries what SES refused for now, with growing waits, and records the message id of the send that went', async () => {
    const { deps, outcome, calls } = world([throttled(), throttled(), 'ses-3']);
    expect(await sendClaimed(deps, key, 'token', async () => mail)).toBe('sent');
    expect(calls.send).toBe(3);
    expect(outcome.sent).toEqual({ messageId: 'ses-3', at: '2026-11-25T10:00:00.000Z', attempts: 3 });
    expect(calls.sleeps).toHaveLength(2);
    expect(calls.sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(calls.sleeps[0]).toBeLessThanOrEqual(100);
    expect(calls.sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(calls.sleeps[1]).toBeLessThanOrEqual(200);
  });

  it('parks a mail SES keeps refusing after every attempt, with the last error', async () => {
    const { deps, outcome, calls } = world([throttled(), throttled(), throttled(), new Error('still down')]);
    expect(await sendClaimed(deps, key, 'token', async () => mail)).toBe('parked');
    expect(calls.send).toBe(4);
    expect(outcome.parked).toMatchObject({ attempts: 4, error: 'Error: still down' });
    expect(outcome.sent).toBeUndefined();
  });

  it('parks at once a mail SES rejects for good', async () => {
    const { deps, outcome, calls } = world([new MailRejectedError('MessageRejected'), 'never']);
    expect(await sendClaimed(deps, key, 'token', async () => mail)).toBe('parked');
    expect(calls.send).toBe(1);
    expect(outcome.parked).toMatchObject({ attempts: 1, error: 'MailRejectedError: MessageRejected' });
  });

  it('parks a mail that could not be written, without sending anything', async () => {
    const { deps, outcome, calls } = world(['never']);
    expect(await sendClaimed(deps, key, 'token', async () => Promise.reject(new TypeError('template bug')))).toBe('parked');
    expect(calls.send).toBe(0);
    expect(outcome.parked).toMatchObject({ attempts: 0, error: 'TypeError: template bug' });
  });

  it('never sends again when recording a sent mail fails: the failure goes up for the stream to retry', async () => {
    const lost = new Error('DynamoDB unavailable');
    const { deps, outcome, calls } = world(['ses-1', 'ses-2'], lost);
    await expect(sendClaimed(deps, key, 'token', async () => mail)).rejects.toBe(lost);
    expect(calls.send).toBe(1);
    expect(outcome.parked).toBeUndefined();
  });
});
