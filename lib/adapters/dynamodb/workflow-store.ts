import { GetCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { waitStages } from '../../workflow/states.js';
import { reminderKey, reminderPrefix, requestKey, workflowIndexKey, workflowKey, workflowPartition } from './keys.js';
import { queryAll, queryPrefix } from './query-all.js';
import { TableWrite } from './table-write.js';
import type { WorkflowRecord, WorkflowStore } from '../../services/ports/workflow.js';

const stages = Object.values(waitStages) as [(typeof waitStages)[keyof typeof waitStages], ...(typeof waitStages)[keyof typeof waitStages][]];

const StoredWorkflow = z.object({
  requestId: z.string(),
  execution: z.string(),
  claimedAt: z.iso.datetime(),
  waiting: z.object({ stage: z.enum(stages), token: z.string(), since: z.iso.datetime() }).optional(),
});

const parse = (item: Record<string, unknown>): WorkflowRecord => StoredWorkflow.parse(item);

const notOwner = (requestId: string, execution: string) => () =>
  new ConflictError(`Execution ${execution} no longer owns request ${requestId}`, 'Nothing to do: a newer execution took the request over');

/**
 * The workflow's bookkeeping beside the request, never on the request item itself: storing a
 * token must not change the request's version, or every client action would race the workflow.
 */
export const dynamoWorkflowStore = (client: DocumentClient, tableName: () => string): WorkflowStore => ({
  async get(requestId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: workflowKey(requestId) }));
    return Item ? parse(Item) : undefined;
  },

  list: () =>
    queryAll(
      client,
      { TableName: tableName(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :partition', ExpressionAttributeValues: { ':partition': workflowPartition } },
      parse,
    ),

  claim: (requestId, execution, at) =>
    new TableWrite(`workflow of ${requestId} claimed by ${execution}`, {
      Put: { TableName: tableName(), Item: { ...workflowKey(requestId), ...workflowIndexKey(requestId), entity: 'workflow', requestId, execution, claimedAt: at } },
    }),

  wait: (requestId, execution, waiting) =>
    new TableWrite(
      `workflow of ${requestId} waits for ${waiting.stage}`,
      {
        Update: {
          TableName: tableName(),
          Key: workflowKey(requestId),
          UpdateExpression: 'SET waiting = :waiting',
          ConditionExpression: 'execution = :execution',
          ExpressionAttributeValues: { ':waiting': waiting, ':execution': execution },
        },
      },
      notOwner(requestId, execution),
    ),

  release: (requestId, execution) =>
    new TableWrite(
      `workflow of ${requestId} released by ${execution}`,
      { Delete: { TableName: tableName(), Key: workflowKey(requestId), ConditionExpression: 'execution = :execution', ExpressionAttributeValues: { ':execution': execution } } },
      notOwner(requestId, execution),
    ),

  remind: (requestId, reminder, at) =>
    new TableWrite(
      `reminder ${reminder} of ${requestId}`,
      { Put: { TableName: tableName(), Item: { ...reminderKey(requestId, reminder), entity: 'reminder', requestId, reminder, at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      () => new ConflictError(`Reminder ${reminder} of request ${requestId} was sent already`, 'Nothing to do'),
    ),

  async reminders(requestId) {
    const sent = await queryPrefix(client, tableName(), requestKey(requestId).pk, reminderPrefix, (item) => z.object({ reminder: z.string() }).parse(item).reminder);
    return new Set(sent);
  },
});
