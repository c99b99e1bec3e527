import * as z from 'zod';

/**
 * What Lambda hands a queue's function (SQS's event): the messages, of which only the id and the
 * body are read. Its answer is the partial batch response: the ids of the messages to deliver
 * again (after the queue's visibility timeout), the others are done.
 */
export const QueueMessage = z.object({ messageId: z.string().min(1), body: z.string() });
export const QueueEvent = z.object({ Records: z.array(QueueMessage) });
export type QueueEvent = z.infer<typeof QueueEvent>;

export const QueueBatchResponse = z.object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string() })) });
