import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SystemActorName } from '../../../lib/domain/actor.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import { correlationIdOf, createFunctionHandler } from '../../../lib/lambda/create-function-handler.js';
import { defineFunction } from '../../../lib/lambda/definition.js';
import { functionList, functions } from '../../../lib/lambda/table.js';
import { currentCorrelationId } from '../../../lib/observability/correlation.js';
import { generateOrderDocument } from '../../../lib/services/offers-orders/orders.js';
import { sampleOrder } from '../documents/sample-order.js';
import { lambdaContext } from '../../support/lambda.js';
import { loggedBy } from '../../support/logs.js';
import { recordingMetrics } from '../../support/metrics.js';
import type { OrderDocumentDeps } from '../../../lib/services/ports/deps.js';

const entry = defineFunction({
  name: 'echo-step',
  summary: 'echo',
  trigger: { kind: 'workflow-task' },
  actor: 'timer',
  schemas: { input: z.strictObject({ requestId: z.string().regex(/^\d{4}-\d{4}$/), times: z.number().int().positive() }), output: z.object({ said: z.string() }) },
  access: {},
});

const handler = createFunctionHandler(entry)(async ({ event, caller }) => {
  if (event.times > 9) throw new ConflictError('Too many times', 'Ask fewer');
  return { said: `${caller.system}:${event.requestId.repeat(event.times)}` };
});

describe('a function of the function table', () => {
  it('gets its event as validated and acts as the system part its entry names', async () => {
    expect(await handler({ requestId: '2026-0001', times: 2 }, lambdaContext())).toEqual({ said: 'timer:2026-00012026-0001' });
  });

  it('fails a malformed event as a ValidationError naming each field, before the implementation runs', async () => {
    const error = await handler({ requestId: 'x', times: 0, extra: 1 }, lambdaContext()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', problems: expect.arrayContaining([expect.objectContaining({ field: 'event.requestId' }), expect.objectContaining({ field: 'event.times' })]) });
    expect((error as Error).message).toMatch(/extra/);
  });

  it('rethrows a refusal by its name, for the workflow to catch', async () => {
    await expect(handler({ requestId: '2026-0001', times: 10 }, lambdaContext())).rejects.toMatchObject({ name: 'ConflictError', next: 'Ask fewer' });
  });
});

describe('the function table', () => {
  it('names its entries in kebab-case, each once, each acting as a part of the system', () => {
    for (const definition of functionList) {
      expect(definition.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(SystemActorName.options).toContain(definition.actor);
    }
    expect(new Set(functionList.map((definition) => definition.name)).size).toBe(functionList.length);
  });
});

describe('the action an invocation belongs to (its correlation id)', () => {
  const context = { awsRequestId: 'aws-request-1' };
  it('is the execution of a workflow task, or Lambda’s request id for a task without one', () => {
    expect(correlationIdOf({ kind: 'workflow-task' }, { requestId: '2026-0042', execution: '2026-0042-m1abc-1a2b3c4d' }, context)).toBe('workflow:2026-0042-m1abc-1a2b3c4d');
    expect(correlationIdOf({ kind: 'workflow-task' }, { requestId: '2026-0042', action: 'close' }, context)).toBe('aws-request-1');
  });

  it('is the stored mail’s key for inbound mail', () => {
    const event = { source: 'aws.s3', detail: { bucket: { name: 'b' }, object: { key: 'mail/0100019a-abcd' } } };
    expect(correlationIdOf({ kind: 'inbound-mail' }, event, context)).toBe('mail/0100019a-abcd');
  });

  it('is the bounced mail’s own correlation id (its tag), else its SES message id', () => {
    const event = (tags?: Record<string, string[]>) => ({ source: 'aws.ses', detail: { eventType: 'Bounce', mail: { messageId: 'ses-1', ...(tags ? { tags } : {}) } } });
    expect(correlationIdOf({ kind: 'mail-events', eventTypes: ['Bounce'] }, event({ 'correlation-id': ['JKJaXmPLvHcESHA_'], request: ['2026-0042'] }), context)).toBe('JKJaXmPLvHcESHA_');
    expect(correlationIdOf({ kind: 'mail-events', eventTypes: ['Bounce'] }, event({ request: ['2026-0042'] }), context)).toBe('ses:ses-1');
  });

  it('is Lambda’s request id for a stream batch, a schedule, Cognito’s trigger and an event it can’t read', () => {
    expect(correlationIdOf({ kind: 'table-stream', entities: ['timeline'], batchSize: 25 }, { Records: [] }, context)).toBe('aws-request-1');
    expect(correlationIdOf({ kind: 'schedule', expression: 'rate(1 hour)' }, {}, context)).toBe('aws-request-1');
    expect(correlationIdOf({ kind: 'inbound-mail' }, 'not an event', context)).toBe('aws-request-1');
  });
});

describe('a workflow task as its execution’s action', () => {
  const execution = '2026-0042-m1abc-1a2b3c4d';
  /** generate-order on fakes: the entry it writes kept, the metrics it counts recorded. */
  const generating = () => {
    const entries: TimelineEntry[] = [];
    const { metrics, counts } = recordingMetrics();
    const order = sampleOrder();
    const deps = {
      orders: { get: async () => order, attachDocument: () => ({ label: 'order' }) },
      files: { put: async () => undefined },
      timeline: { append: (entry: TimelineEntry) => (entries.push(entry), { label: 'entry' }) },
      unitOfWork: { commit: async () => undefined },
      render: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]),
      now: () => new Date('2026-11-25T14:00:00.000Z'),
      newId: () => 'entry-1',
      correlationId: currentCorrelationId,
      metrics,
    } as unknown as OrderDocumentDeps;
    const handler = createFunctionHandler(functions.generateOrder)(async ({ event }) => {
      const made = await generateOrderDocument(deps, event.requestId);
      return { requestId: event.requestId, orderNumber: made?.orderNumber, documentKey: made?.document?.key };
    });
    return { handler, entries, counts, order };
  };

  it('records `workflow:<execution>` on the entry it writes, and counts what it did', async () => {
    const { handler, entries, counts, order } = generating();
    expect(await handler({ requestId: order.requestId, execution }, lambdaContext())).toMatchObject({ orderNumber: order.orderNumber });
    expect(entries).toEqual([expect.objectContaining({ kind: 'order_issued', correlationId: `workflow:${execution}` })]);
    expect(counts()).toEqual({ OrdersIssued: 1 });
  });

  it('logs under it, a refusal included, and counts nothing it did not do', async () => {
    const { handler, entries, counts } = generating();
    const { result, lines } = await loggedBy(() => handler({ requestId: 'not-a-request', execution }, lambdaContext()).catch((error: unknown) => error));
    expect(result).toMatchObject({ name: 'ValidationError' });
    expect(lines).toEqual([
      expect.objectContaining({ message: 'function refused', function: 'generate-order', correlationId: `workflow:${execution}`, error: 'ValidationError', reason: expect.stringMatching(/requestId/) }),
    ]);
    expect(entries).toEqual([]);
    expect(counts()).toEqual({});
  });
});
