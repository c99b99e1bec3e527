import type { DynamoDBRecord } from 'aws-lambda';
import type { Trigger } from './definition.js';

export type TableStreamTrigger = Extract<Trigger, { kind: 'table-stream' }>;

type StreamEvent = NonNullable<TableStreamTrigger['events']>[number];

/** The event filter of a table-stream trigger, in Lambda's filter-pattern syntax (arrays are "one of"). */
export type StreamFilterPattern = {
  eventName?: StreamEvent[];
  dynamodb: { NewImage: { entity: { S: string[] } } };
};

/**
 * What the event source mapping lets through to the function: records of the trigger's entities
 * (by the `entity` attribute of the new image) and, if it names them, of its kinds of change.
 * A REMOVE has no new image, so it never matches: Lambda filters it out the same way.
 */
export const streamFilterPattern = (trigger: TableStreamTrigger): StreamFilterPattern => ({
  ...(trigger.events ? { eventName: [...trigger.events] } : {}),
  dynamodb: { NewImage: { entity: { S: [...trigger.entities] } } },
});

/** Whether Lambda would deliver this stream record to the trigger's function (see `streamFilterPattern`). */
export const matchesStreamFilter = (trigger: TableStreamTrigger, record: DynamoDBRecord): boolean => {
  if (trigger.events && !(record.eventName !== undefined && trigger.events.includes(record.eventName))) return false;
  const entity = record.dynamodb?.NewImage?.entity?.S;
  return entity !== undefined && trigger.entities.includes(entity);
};
