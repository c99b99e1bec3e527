import * as z from 'zod';
import { QueueName } from '../../config/access.js';
import { EnvName, jsonText, readEnv } from '../../config/env.js';
import type { DeliveryQueue } from '../../services/ports/webhooks.js';
import { credentialsFromEnvironment, regionFromEnvironment, type Credentials } from '../aws/sigv4.js';
import { signedJsonCall } from '../aws/signed-json.js';

/** SQS takes at most ten messages a batch, delayed at most 900 s. */
export const maxBatch = 10;
export const maxDelaySeconds = 900;

export interface QueueTarget {
  /** The queue's URL: `https://sqs.<region>.amazonaws.com/<account>/<name>`, or the local queue server's. */
  queueUrl: string;
  region: string;
  credentials: Credentials;
  fetch?: typeof fetch;
}

const QueueUrls = jsonText(z.record(QueueName, z.url()));

/** Where a queue is, from the function's environment (QUEUE_URLS, which the function construct and the local stack set). */
export const queueFromEnvironment = (name: QueueName) => (): QueueTarget => {
  const queueUrl = readEnv(EnvName.queueUrls, QueueUrls)[name];
  if (!queueUrl) throw new Error(`QUEUE_URLS names no ${name} queue: give the function \`queues: ['${name}']\` access`);
  return { queueUrl, region: regionFromEnvironment(), credentials: credentialsFromEnvironment() };
};

const BatchAnswer = z.object({
  Successful: z.array(z.object({ Id: z.string() })).optional(),
  Failed: z.array(z.object({ Id: z.string(), Code: z.string().optional(), Message: z.string().optional(), SenderFault: z.boolean().optional() })).optional(),
});

/**
 * The delivery queue on SQS: SendMessageBatch in SQS's JSON protocol, one signed call per ten
 * messages through the project's own SigV4 calls (an SDK client would add tens of KB to each
 * producer). Each message's body is a delivery id. A message SQS did not take fails the call, so
 * the caller's retry (the stream's, the sweep's next run) sends it again; the sender skips what
 * is not due, so a message sent twice is tried once.
 */
export const sqsDeliveryQueue = (target: () => QueueTarget): DeliveryQueue => ({
  async send(deliveryIds, delaySeconds) {
    if (deliveryIds.length === 0) return;
    const { queueUrl, region, credentials, fetch } = target();
    const delay = delaySeconds === undefined ? undefined : Math.min(maxDelaySeconds, Math.max(0, Math.ceil(delaySeconds)));
    for (let from = 0; from < deliveryIds.length; from += maxBatch) {
      const batch = deliveryIds.slice(from, from + maxBatch);
      const answer = await signedJsonCall({
        service: 'sqs',
        region,
        endpoint: new URL(queueUrl).origin,
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessageBatch' },
        credentials,
        fetch,
        body: {
          QueueUrl: queueUrl,
          Entries: batch.map((deliveryId, index) => ({ Id: `m${index}`, MessageBody: deliveryId, ...(delay ? { DelaySeconds: delay } : {}) })),
        },
      });
      const failed = BatchAnswer.parse(answer).Failed ?? [];
      if (failed.length > 0) {
        throw new Error(`SQS refused ${failed.length} of ${batch.length} messages: ${failed.map((entry) => `${batch[Number(entry.Id.slice(1))]} ${entry.Code ?? ''} ${entry.Message ?? ''}`.trim()).join('; ')}`);
      }
    }
  },
});
