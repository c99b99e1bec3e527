import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { businessMetrics } from '../../../lib/adapters/metrics.js';
import { createFunctionHandler } from '../../../lib/lambda/create-function-handler.js';
import { defineFunction } from '../../../lib/lambda/definition.js';
import { lambdaContext } from '../../support/lambda.js';

const entry = defineFunction({
  name: 'count-step',
  summary: 'counts',
  trigger: { kind: 'workflow-task' },
  actor: 'workflow',
  schemas: { input: z.strictObject({ mails: z.number().int().min(0), fail: z.boolean().optional() }), output: z.object({}) },
  access: {},
});
const handler = createFunctionHandler(entry)(async ({ event }) => {
  if (event.mails > 0) businessMetrics.count('MailsSent', event.mails);
  if (event.mails > 1) businessMetrics.count('MailsParked');
  if (event.fail) throw new Error('the function failed after counting');
  return {};
});

/** Everything written to stdout and stderr while `work` runs. */
const written = async (work: () => Promise<unknown>): Promise<string[]> => {
  const out: string[] = [];
  const keep = (chunk: unknown) => (out.push(String(chunk)), true);
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(keep), vi.spyOn(process.stderr, 'write').mockImplementation(keep)];
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return out;
};

// Powertools reads its environment when the metrics are first used, as in Lambda.
beforeAll(() => {
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'orderdesk');
  vi.stubEnv('STAGE', 'test');
});
afterAll(() => void vi.unstubAllEnvs());

it('publishes what an invocation counted as one EMF line as it ends: namespace, service and stage, a count per name', async () => {
  const out = await written(() => handler({ mails: 3 }, lambdaContext()));
  expect(out).toHaveLength(1);
  const emf = JSON.parse(out[0]!) as Record<string, unknown> & { _aws: { CloudWatchMetrics: unknown[] } };
  expect(emf._aws.CloudWatchMetrics).toEqual([
    {
      Namespace: 'orderdesk',
      Dimensions: [['service', 'stage']],
      Metrics: [
        { Name: 'MailsSent', Unit: 'Count' },
        { Name: 'MailsParked', Unit: 'Count' },
      ],
    },
  ]);
  expect(emf).toMatchObject({ service: 'orderdesk', stage: 'test', MailsSent: 3, MailsParked: 1 });
});

it('writes nothing for an invocation that counted nothing: no empty EMF, no warning', async () => {
  expect(await written(() => handler({ mails: 0 }, lambdaContext()))).toEqual([]);
});

it('publishes a failed invocation’s counts too, and the next invocation starts with none', async () => {
  const failed = await written(() => handler({ mails: 2, fail: true }, lambdaContext()).catch(() => undefined));
  expect(failed.filter((line) => line.includes('"_aws"')).map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([expect.objectContaining({ MailsSent: 2, MailsParked: 1 })]);
  expect(await written(() => handler({ mails: 0 }, lambdaContext()))).toEqual([]);
});
