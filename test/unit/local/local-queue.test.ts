import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../../local/poll.js';
import { createLocalQueue } from '../../../local/queues/local-queue.js';
import { rateSeconds, startLocalScheduler } from '../../../local/scheduler.js';
import { createBusinessClock } from '../../../local/workflow/clock.js';

interface Batch {
  Records: { messageId: string; body: string; eventSource: string; attributes: { ApproximateReceiveCount: string } }[];
}

/** A queue on a clock of its own, with a function that fails the bodies in `failing`. */
const setUp = (failing: ReadonlySet<string> = new Set()) => {
  const clock = createBusinessClock();
  const batches: Batch[] = [];
  const lines: string[] = [];
  const queue = createLocalQueue({
    functionName: 'webhook-deliver',
    batchSize: 10,
    clock,
    invoke: async (_name, event) => {
      const batch = event as Batch;
      batches.push(batch);
      return { batchItemFailures: batch.Records.filter((record) => failing.has(record.body)).map((record) => ({ itemIdentifier: record.messageId })) };
    },
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    arn: 'arn:aws:sqs:eu-central-1:000000000000:webhook-deliver',
    region: 'eu-central-1',
    log: (line) => lines.push(line),
  });
  const bodies = () => batches.flatMap((batch) => batch.Records.map((record) => record.body));
  return { clock, queue, batches, bodies, lines };
};

describe('the local queue', () => {
  it('hands a message to its function as an SQS event at once, and a delayed one when the business clock reaches it', async () => {
    const { clock, queue, batches, bodies } = setUp();
    queue.send('now');
    queue.send('later', 300);
    await pollUntil('the first batch', async () => (batches.length > 0 ? true : undefined), { timeoutMs: 2000 });
    expect(batches[0]!.Records[0]).toMatchObject({ body: 'now', eventSource: 'aws:sqs', attributes: { ApproximateReceiveCount: '1' } });
    expect(bodies()).toEqual(['now']);
    clock.advance(301);
    await pollUntil('the delayed message', async () => (bodies().includes('later') ? true : undefined), { timeoutMs: 2000 });
    expect(queue.depth).toBe(0);
    queue.stop();
  });

  it('brings a failed message back after the visibility timeout, and after five receives keeps it as a dead letter', async () => {
    const { clock, queue, bodies, lines } = setUp(new Set(['bad']));
    queue.send('bad');
    queue.send('good');
    await pollUntil('the first receive', async () => (bodies().length === 2 ? true : undefined), { timeoutMs: 2000 });
    for (let receive = 2; receive <= 5; receive += 1) {
      clock.advance(61);
      await pollUntil(`receive ${receive}`, async () => (bodies().filter((body) => body === 'bad').length === receive ? true : undefined), { timeoutMs: 2000 });
    }
    await pollUntil('the dead letter', async () => (queue.deadLetters.length === 1 ? true : undefined), { timeoutMs: 2000 });
    expect(queue.deadLetters[0]!.body).toBe('bad');
    expect(bodies().filter((body) => body === 'good')).toEqual(['good']);
    expect(lines.some((line) => line.includes('dead letter after 5 receives'))).toBe(true);
    clock.advance(3600);
    expect(queue.depth).toBe(0);
    queue.stop();
  });
});

describe('the local scheduler', () => {
  it('reads rate() expressions, not cron ones', () => {
    expect(rateSeconds('rate(1 minute)')).toBe(60);
    expect(rateSeconds('rate(2 hours)')).toBe(7200);
    expect(rateSeconds('cron(0 6 * * ? *)')).toBeUndefined();
  });

  it('runs an opted-in schedule entry every period of business time, once when the clock jumps, and no other entry', async () => {
    const clock = createBusinessClock();
    const runs: string[] = [];
    const scheduler = startLocalScheduler({
      functions: [
        { name: 'webhook-retry', trigger: { kind: 'schedule', expression: 'rate(1 minute)' } },
        { name: 'resume-workflows', trigger: { kind: 'schedule', expression: 'rate(1 hour)' } },
      ],
      clock,
      invoke: async (name) => void runs.push(name),
      log: () => undefined,
    });
    clock.advance(61);
    await pollUntil('the first run', async () => (runs.length === 1 ? true : undefined), { timeoutMs: 2000 });
    clock.advance(10 * 3600);
    await pollUntil('the second run', async () => (runs.length === 2 ? true : undefined), { timeoutMs: 2000 });
    expect(runs).toEqual(['webhook-retry', 'webhook-retry']);
    await scheduler.stop();
    clock.advance(3600);
    expect(clock.waiting).toBe(0);
  });
});
