import * as z from 'zod';
import { Action } from '../domain/lifecycle.js';
import { RequestId, RequestStatus } from '../domain/request.js';
import { CognitoMessageEvent, CognitoMessageResult } from '../domain/mail/cognito-message.js';
import { MailEvent } from '../domain/mail/mail-event.js';
import { MalwareScanEvent } from '../domain/malware-scan-event.js';
import { maxWaitSeconds, routeNames, waitStages, type Route, type WaitStage } from '../workflow/states.js';
import { defineFunction, type FunctionDefinition } from './definition.js';
import { inboundMailFunction } from './inbound-mail-function.js';

/** A Step Functions execution name. */
const ExecutionName = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be a Step Functions execution name');
import { QueueBatchResponse, QueueEvent } from './queue-event.js';
import { StreamBatchResponse, TableStreamEvent } from './stream-event.js';

/**
 * The function table: the Lambdas that are not HTTP routes, as data, beside the route table.
 * The CDK app makes one function of each entry with exactly the grants its `access` names and
 * wires its trigger; the local stack serves each one through the Lambda Invoke API.
 */
export const functions = {
  workflowCheckpoint: defineFunction({
    name: 'workflow-checkpoint',
    summary: 'The request workflow’s router: read the request, do what is due (an expiry, a reminder) and say where the execution goes next and how long it may wait',
    trigger: { kind: 'workflow-task' },
    actor: 'workflow',
    schemas: {
      input: z.strictObject({ requestId: RequestId, execution: ExecutionName }),
      output: z.object({
        requestId: RequestId,
        next: z.enum(routeNames as [Route, ...Route[]]),
        timeoutSeconds: z.number().int().min(1).max(maxWaitSeconds),
        wakeAt: z.iso.datetime(),
      }),
    },
    access: { table: 'readWrite' },
  }),
  workflowAwait: defineFunction({
    name: 'workflow-await',
    summary: 'A waiting task’s start: store its token for the API, or complete it at once if the request moved on meanwhile',
    trigger: { kind: 'workflow-task' },
    actor: 'workflow',
    schemas: {
      input: z.strictObject({
        requestId: RequestId,
        execution: ExecutionName,
        stage: z.enum(Object.values(waitStages) as [WaitStage, ...WaitStage[]]),
        token: z.string().min(1).max(2048),
        timeoutSeconds: z.number().int().min(1).max(maxWaitSeconds),
        wakeAt: z.iso.datetime(),
      }),
      output: z.object({ requestId: RequestId, waiting: z.boolean() }),
    },
    access: { table: 'readWrite', workflow: ['report'] },
  }),
  generateOrder: defineFunction({
    name: 'generate-order',
    summary: 'Render an accepted order’s PDF (QR Platba code, Czech diacritics), store it and write the entry whose mail carries it',
    trigger: { kind: 'workflow-task' },
    actor: 'workflow',
    schemas: {
      input: z.strictObject({ requestId: RequestId, execution: ExecutionName }),
      output: z.object({ requestId: RequestId, orderNumber: z.string().optional(), documentKey: z.string().optional() }),
    },
    access: { table: 'readWrite', bucket: { 'orders/': ['put'] } },
  }),
  resumeWorkflows: defineFunction({
    name: 'resume-workflows',
    summary: 'Take over requests whose workflow execution is not running (failed, timed out, lost in a restart): a fresh execution for each',
    trigger: { kind: 'schedule', expression: 'rate(1 hour)' },
    actor: 'workflow',
    schemas: {
      // EventBridge's scheduled event has fields of its own: only `all` matters here.
      input: z.looseObject({ all: z.boolean().default(false).describe('Take over every request, running or not (the local stack after a restart)') }),
      output: z.object({ resumed: z.array(RequestId), running: z.number().int() }),
    },
    access: { table: 'readWrite', workflow: ['start', 'describe'] },
  }),
  takeWorkflowStep: defineFunction({
    name: 'take-workflow-step',
    summary: 'Take a lifecycle step as the workflow (an offer expires, a delivery is deemed accepted) on the request version it decided on',
    trigger: { kind: 'workflow-task' },
    actor: 'workflow',
    schemas: {
      input: z.strictObject({
        requestId: RequestId,
        action: Action,
        /** The version the workflow saw when it decided; a request changed since is a ConflictError. */
        version: z.number().int().positive().optional(),
        note: z.string().max(2000).optional(),
      }),
      output: z.object({ requestId: RequestId, status: RequestStatus, version: z.number().int().positive() }),
    },
    access: { table: 'readWrite' },
  }),
  notify: defineFunction({
    name: 'notify',
    summary: 'Mail everyone a new timeline entry concerns, once each (the notification matrix); park what SES keeps refusing',
    trigger: { kind: 'table-stream', entities: ['timeline'], events: ['INSERT'], batchSize: 25 },
    actor: 'notifier',
    schemas: { input: TableStreamEvent, output: StreamBatchResponse },
    access: { table: 'readWrite', mail: 'send', secrets: ['mail-links'], bucket: { 'orders/': ['get'] } },
  }),
  webhookFanout: defineFunction({
    name: 'webhook-fanout',
    summary: 'Make a webhook delivery of a new timeline entry’s event for every subscription that wants it, once each, and queue it (docs/webhooks.md)',
    trigger: { kind: 'table-stream', entities: ['timeline'], events: ['INSERT'], batchSize: 25 },
    actor: 'notifier',
    schemas: { input: TableStreamEvent, output: StreamBatchResponse },
    access: { table: 'readWrite', queues: ['webhook-deliver'], apiLinks: true },
  }),
  webhookDeliver: defineFunction({
    name: 'webhook-deliver',
    summary: 'Try queued webhook deliveries: sign (Standard Webhooks), post to the checked address, record the try; retry on the schedule, park after 24 hours, disable a subscription failing for days and mail the agency admins',
    trigger: { kind: 'queue', batchSize: 10 },
    actor: 'notifier',
    schemas: { input: QueueEvent, output: QueueBatchResponse },
    access: { table: 'readWrite', secrets: ['webhook-keys'], queues: ['webhook-deliver'], mail: 'send' },
  }),
  webhookRetry: defineFunction({
    name: 'webhook-retry',
    summary: 'Queue the webhook deliveries whose next try is due (every minute)',
    trigger: { kind: 'schedule', expression: 'rate(1 minute)' },
    actor: 'notifier',
    // EventBridge's scheduled event: nothing of it is read.
    schemas: { input: z.looseObject({}), output: z.object({ queued: z.number().int() }) },
    access: { table: 'read', queues: ['webhook-deliver'] },
  }),
  recordMailEvent: defineFunction({
    name: 'record-mail-event',
    summary: 'Record a bounce or complaint at once: suppress the address and show on the request that mail to that person is not delivered',
    trigger: { kind: 'mail-events', eventTypes: ['Bounce', 'Complaint'] },
    actor: 'notifier',
    schemas: {
      input: MailEvent,
      output: z.object({ suppressed: z.array(z.string()), requestId: z.string().optional() }),
    },
    access: { table: 'readWrite' },
  }),
  inboundMail: inboundMailFunction,
  recordScanResult: defineFunction({
    name: 'record-scan-result',
    summary: 'Record the malware scan’s verdict on a confirmed file (clean, infected, failed) once; move an infected file out of reach and tell its sender and the agency of a file that did not pass',
    trigger: { kind: 'malware-scan' },
    actor: 'scanner',
    schemas: {
      input: MalwareScanEvent,
      output: z.object({
        outcome: z.enum(['recorded', 'ignored']),
        requestId: z.string().optional(),
        attachmentId: z.string().optional(),
        verdict: z.enum(['clean', 'infected', 'failed']).optional(),
        reason: z.string().optional(),
        objectKey: z.string().optional(),
      }),
    },
    // Reads the file's item and writes its verdict and entry; an infected file is copied (get from
    // orgs/, put to quarantine/) and removed from orgs/. Never a read of quarantine/.
    access: { table: 'readWrite', bucket: { 'orgs/': ['get', 'delete'], 'quarantine/': ['put'] } },
  }),
  cognitoMessage: defineFunction({
    name: 'cognito-message',
    summary: 'Write Cognito’s mails (an invitation, a password reset) with the same templates and branding as every other mail',
    trigger: { kind: 'cognito-custom-message' },
    actor: 'notifier',
    schemas: { input: CognitoMessageEvent, output: CognitoMessageResult },
    access: {},
  }),
} as const;

export const functionList: readonly FunctionDefinition[] = Object.values(functions);
