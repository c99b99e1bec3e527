import * as z from 'zod';
import { Action } from '../domain/lifecycle.js';
import { RequestId, RequestStatus } from '../domain/request.js';
import { CognitoMessageEvent, CognitoMessageResult } from '../domain/mail/cognito-message.js';
import { MailEvent } from '../domain/mail/mail-event.js';
import { defineFunction, type FunctionDefinition } from './definition.js';
import { StreamBatchResponse, TableStreamEvent } from './stream-event.js';

/**
 * The function table: the Lambdas that are not HTTP routes, as data, beside the route table.
 * The CDK app makes one function of each entry with exactly the grants its `access` names and
 * wires its trigger; the local stack serves each one through the Lambda Invoke API.
 */
export const functions = {
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
    access: { table: 'readWrite', mail: 'send', secrets: ['mail-links'] },
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
