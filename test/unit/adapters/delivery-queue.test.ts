import { describe, expect, it } from 'vitest';
import { sqsDeliveryQueue, type QueueTarget } from '../../../lib/adapters/sqs/delivery-queue.js';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: { QueueUrl: string; Entries: { Id: string; MessageBody: string; DelaySeconds?: number }[] };
}

/** SQS as fetch sees it: answers each batch with `answer`, keeps what it got. */
const sqs = (answer: (body: Sent['body']) => unknown = (body) => ({ Successful: body.Entries.map((entry) => ({ Id: entry.Id })) })) => {
  const sent: Sent[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Sent['body'];
    sent.push({ url: String(url), headers: init.headers as Record<string, string>, body });
    return new Response(JSON.stringify(answer(body)), { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' } });
  }) as typeof globalThis.fetch;
  const target: QueueTarget = {
    queueUrl: 'https://sqs.eu-central-1.amazonaws.com/123456789012/orderdesk-dev-webhook-deliver',
    region: 'eu-central-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    fetch,
  };
  return { queue: sqsDeliveryQueue(() => target), sent };
};

describe('the SQS delivery queue', () => {
  it('sends SendMessageBatch in SQS’s JSON protocol, signed for sqs, ten messages a call', async () => {
    const { queue, sent } = sqs();
    const ids = Array.from({ length: 12 }, (_, i) => `sub-1.msg_${i}`);
    await queue.send(ids);
    expect(sent).toHaveLength(2);
    const [first, second] = sent;
    expect(first!.url).toBe('https://sqs.eu-central-1.amazonaws.com/');
    expect(first!.headers).toMatchObject({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessageBatch' });
    expect(first!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/sqs\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/);
    expect(first!.body.QueueUrl).toBe('https://sqs.eu-central-1.amazonaws.com/123456789012/orderdesk-dev-webhook-deliver');
    expect(first!.body.Entries).toHaveLength(10);
    expect(first!.body.Entries[0]).toEqual({ Id: 'm0', MessageBody: 'sub-1.msg_0' });
    expect(second!.body.Entries.map((entry) => entry.MessageBody)).toEqual(['sub-1.msg_10', 'sub-1.msg_11']);
  });

  it('delays messages by whole seconds, at most SQS’s 900', async () => {
    const { queue, sent } = sqs();
    await queue.send(['a'], 4.2);
    await queue.send(['b'], 3600);
    expect(sent.map((call) => call.body.Entries[0]!.DelaySeconds)).toEqual([5, 900]);
  });

  it('fails when SQS refuses a message, naming it, so the caller’s retry sends it again', async () => {
    const { queue } = sqs((body) => ({ Successful: [{ Id: 'm0' }], Failed: [{ Id: 'm1', Code: 'InternalError', SenderFault: false }], _: body }));
    await expect(queue.send(['ok', 'lost'])).rejects.toThrow(/refused 1 of 2 messages: lost InternalError/);
  });
});
