import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';

/**
 * What Lambda hands a table-stream function: records as DynamoDB JSON (only what the functions
 * read is checked). The new image is unpacked into plain values here, at the edge, so the use
 * cases behind a stream function never read DynamoDB's wire format.
 */
export const TableStreamRecord = z.object({
  eventID: z.string(),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.object({
    SequenceNumber: z.string(),
    NewImage: z
      .record(z.string(), z.any())
      .optional()
      .transform((image): Record<string, NativeAttributeValue> | undefined => (image ? unmarshall(image) : undefined)),
  }),
});
export const TableStreamEvent = z.object({ Records: z.array(TableStreamRecord) });
export type TableStreamEvent = z.infer<typeof TableStreamEvent>;

/** Lambda's partial batch response: the records to deliver again (from the first failed one on, in a stream). */
export const StreamBatchResponse = z.object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string() })) });
