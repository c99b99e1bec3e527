import * as z from 'zod';
import { Action } from '../domain/lifecycle.js';
import { RequestId, RequestStatus } from '../domain/request.js';
import { defineFunction, type FunctionDefinition } from './definition.js';

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
} as const;

export const functionList: readonly FunctionDefinition[] = Object.values(functions);
