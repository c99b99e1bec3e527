import * as z from 'zod';

/** What Lambda hands a table-stream function: records as DynamoDB JSON (only what the functions read is checked). */
export const TableStreamRecord = z.object({
  eventID: z.string(),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.object({
    SequenceNumber: z.string(),
    NewImage: z.record(z.string(), z.any()).optional(),
  }),
});
export const TableStreamEvent = z.object({ Records: z.array(TableStreamRecord) });
export type TableStreamEvent = z.infer<typeof TableStreamEvent>;

/** Lambda's partial batch response: the records to deliver again (from the first failed one on, in a stream). */
export const StreamBatchResponse = z.object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string() })) });
