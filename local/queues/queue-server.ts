import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { readLimited } from '../http-server.js';
import type { LocalQueue } from './local-queue.js';

/** SQS's limit on a batch's total size. */
const maxPayloadBytes = 256 * 1024;

/** The local account id in queue URLs and ARNs, as other local AWS servers use. */
export const localAccount = '000000000000';

const SendMessageBatch = z.object({
  QueueUrl: z.string(),
  Entries: z
    .array(z.object({ Id: z.string().regex(/^[\w-]{1,80}$/), MessageBody: z.string().min(1), DelaySeconds: z.number().int().min(0).max(900).optional() }))
    .min(1)
    .max(10),
});
const SendMessage = z.object({ QueueUrl: z.string(), MessageBody: z.string().min(1), DelaySeconds: z.number().int().min(0).max(900).optional() });

interface Answer {
  status: number;
  body: unknown;
}

/** SQS's JSON protocol error: `__type` and a message, as the SDKs (and our signed calls) read them. */
const refusal = (status: number, type: string, message: string): Answer => ({ status, body: { __type: `com.amazonaws.sqs#${type}`, message } });

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * SQS's JSON protocol (`application/x-amz-json-1.0`, `X-Amz-Target: AmazonSQS.<Action>`) for the
 * local queues, as much as orderdesk uses: SendMessageBatch (and SendMessage), with DelaySeconds.
 * A queue is named by its URL's last path segment (`http://127.0.0.1:<port>/000000000000/<name>`).
 * Signatures are not checked (the local stack's credentials are fixed).
 */
export const startQueueServer = async (options: { host: string; queues: ReadonlyMap<string, LocalQueue>; log: (line: string) => void }) => {
  const queueOf = (queueUrl: string) => options.queues.get(queueUrl.split('/').filter(Boolean).at(-1) ?? '');

  const answer = async (request: http.IncomingMessage): Promise<Answer> => {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (request.method !== 'POST' || !target.startsWith('AmazonSQS.')) return refusal(400, 'UnsupportedOperation', 'Only POST with X-Amz-Target: AmazonSQS.<Action> is served here');
    const payload = await readLimited(request, maxPayloadBytes);
    if (!payload) return refusal(400, 'BatchRequestTooLong', `The batch must be at most ${maxPayloadBytes} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return refusal(400, 'InvalidParameterValue', 'The body is not JSON');
    }
    const action = target.slice('AmazonSQS.'.length);
    if (action === 'SendMessageBatch') {
      const parsed = SendMessageBatch.safeParse(json);
      if (!parsed.success) return refusal(400, 'InvalidParameterValue', z.prettifyError(parsed.error));
      const queue = queueOf(parsed.data.QueueUrl);
      if (!queue) return refusal(400, 'QueueDoesNotExist', `No queue at ${parsed.data.QueueUrl}`);
      const ids = new Set(parsed.data.Entries.map((entry) => entry.Id));
      if (ids.size !== parsed.data.Entries.length) return refusal(400, 'BatchEntryIdsNotDistinct', 'Two entries have the same Id');
      const successful = parsed.data.Entries.map((entry) => ({ Id: entry.Id, MessageId: queue.send(entry.MessageBody, entry.DelaySeconds ?? 0), MD5OfMessageBody: md5(entry.MessageBody) }));
      return { status: 200, body: { Successful: successful, Failed: [] } };
    }
    if (action === 'SendMessage') {
      const parsed = SendMessage.safeParse(json);
      if (!parsed.success) return refusal(400, 'InvalidParameterValue', z.prettifyError(parsed.error));
      const queue = queueOf(parsed.data.QueueUrl);
      if (!queue) return refusal(400, 'QueueDoesNotExist', `No queue at ${parsed.data.QueueUrl}`);
      return { status: 200, body: { MessageId: queue.send(parsed.data.MessageBody, parsed.data.DelaySeconds ?? 0), MD5OfMessageBody: md5(parsed.data.MessageBody) } };
    }
    return refusal(400, 'UnsupportedOperation', `${action} is not served by the local queues (SendMessageBatch and SendMessage are)`);
  };

  const server = http.createServer((request, response) => {
    void answer(request)
      .catch((error: unknown) => refusal(500, 'InternalError', error instanceof Error ? error.message : String(error)))
      .then((result) => {
        response.writeHead(result.status, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify(result.body));
      });
  });
  // Any free port: only this process's functions call it, through QUEUE_URLS.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;
  return {
    url,
    queueUrl: (name: string) => `${url}/${localAccount}/${name}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()),
  };
};
