import { createSocket } from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { signedJsonCall } from '../../../lib/adapters/aws/signed-json.js';
import { httpWebhookSender } from '../../../lib/adapters/http/webhook-sender.js';
import { s3FileStore } from '../../../lib/adapters/s3/file-store.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import { createHandler } from '../../../lib/http/create-handler.js';
import { defineRoute } from '../../../lib/http/route.js';
import { createFunctionHandler } from '../../../lib/lambda/create-function-handler.js';
import { defineFunction } from '../../../lib/lambda/definition.js';
import type { SubsegmentDocument } from '../../../lib/observability/tracer.js';
import { parseTraceHeader } from '../../../lib/observability/trace-header.js';
import { parseDaemonAddress } from '../../../lib/observability/xray-daemon.js';
import { apiEvent, lambdaContext } from '../../support/lambda.js';

// The X-Ray daemon: a UDP socket on 127.0.0.1 collecting the documents sent to it.
const received: SubsegmentDocument[] = [];
const daemon = createSocket('udp4');
const header = '{"format":"json","version":1}\n';
daemon.on('message', (message) => {
  const text = message.toString('utf8');
  // Each datagram: the protocol header line, then one document.
  expect(text.startsWith(header)).toBe(true);
  received.push(JSON.parse(text.slice(header.length)) as SubsegmentDocument);
});

// A webhook receiver on 127.0.0.1, keeping the headers of what it got.
const receiverHeaders: http.IncomingHttpHeaders[] = [];
const receiver = http.createServer((request, response) => {
  receiverHeaders.push(request.headers);
  request.resume().on('end', () => response.writeHead(204).end());
});

beforeAll(async () => {
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  daemon.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const root = '1-67a0b1c2-0123456789abcdef01234567';
const lambdaSegment = '53995c3f42cd8ad8';
const sampled = `Root=${root};Parent=${lambdaSegment};Sampled=1;Lineage=a87bd80c:0`;

beforeEach(() => {
  received.length = 0;
  receiverHeaders.length = 0;
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${(daemon.address() as AddressInfo).port}`);
  vi.stubEnv('_X_AMZN_TRACE_ID', sampled);
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'orderdesk-test-echo');
  vi.stubEnv('POWERTOOLS_TRACE_ENABLED', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Waits (bounded) until `count` documents have come, then gives them. */
const documents = async (count: number) => {
  await expect.poll(() => received.length, { timeout: 2000, interval: 5 }).toBeGreaterThanOrEqual(count);
  return [...received];
};
const named = (docs: SubsegmentDocument[], name: string) => {
  const found = docs.find((doc) => doc.name === name);
  if (!found) throw new Error(`no document named ${name} among ${docs.map((doc) => doc.name).join(', ')}`);
  return found;
};

// AWS as fetch sees it: answers in turn, the request headers kept.
const awsSent: Record<string, string>[] = [];
const awsAnswers: (() => Response)[] = [];
const awsFetch = (async (_url: URL, init: RequestInit) => {
  awsSent.push(init.headers as Record<string, string>);
  const answer = awsAnswers.shift();
  if (!answer) throw new Error('no answer queued');
  return answer();
}) as typeof fetch;
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `req-${status}`, ...headers } });

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };
const getItem = () =>
  signedJsonCall({
    service: 'dynamodb',
    region: 'eu-central-1',
    endpoint: 'https://dynamodb.eu-central-1.amazonaws.com',
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' },
    credentials,
    fetch: awsFetch,
    body: { TableName: 'orderdesk-test', Key: { pk: { S: 'REQ#2026-0001' }, sk: { S: 'META' } } },
  });
const files = s3FileStore({
  target: () => ({ bucket: 'attachments-test', region: 'eu-central-1', endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false }),
  credentials: () => credentials,
  now: () => new Date('2026-11-24T10:00:00Z'),
  fetch: (async (url: URL, init: RequestInit) => {
    awsSent.push(init.headers as Record<string, string>);
    return new Response(null, { status: 200, headers: { etag: '"e1"', 'content-length': '3', 'x-amz-request-id': 's3-req-1', 'x-amz-id-2': 's3-id-2' } });
  }) as typeof fetch,
});
const webhooks = httpWebhookSender({ resolver: { resolve: async () => ['127.0.0.1'] }, allowLoopbackHttp: () => true });
const receiverUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

/** A workflow task: its correlation id is `workflow:<execution>`. */
const task = defineFunction({
  name: 'traced-step',
  summary: 'a traced step',
  trigger: { kind: 'workflow-task' },
  actor: 'timer',
  schemas: { input: z.object({ execution: z.string(), then: z.enum(['calls', 'refused-calls', 'named-calls', 'fail']) }), output: z.object({ done: z.boolean() }) },
  access: {},
});
const step = createFunctionHandler(task)(async ({ event }) => {
  if (event.then === 'fail') throw new Error('SES refused jana.novakova@example.com');
  if (event.then === 'refused-calls') {
    await getItem().catch(() => undefined);
    await getItem().catch(() => undefined);
    await getItem().catch(() => undefined);
    return { done: true };
  }
  if (event.then === 'named-calls') {
    const call = { region: 'eu-central-1', method: 'POST' as const, path: '/', credentials, fetch: awsFetch };
    const json = (target: string) => ({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target });
    await signedJsonCall({ ...call, service: 'dynamodb', endpoint: 'https://dynamodb.eu-central-1.amazonaws.com', headers: json('DynamoDB_20120810.BatchGetItem'), body: { RequestItems: { 'orderdesk-test': { Keys: [] } } } });
    await signedJsonCall({ ...call, service: 'dynamodb', endpoint: 'https://dynamodb.eu-central-1.amazonaws.com', headers: json('DynamoDB_20120810.TransactWriteItems'), body: { TransactItems: [{ Put: { TableName: 'orderdesk-test', Item: {} } }, { ConditionCheck: { TableName: 'orderdesk-other', Key: {} } }] } });
    await signedJsonCall({ ...call, service: 'sqs', endpoint: 'https://sqs.eu-central-1.amazonaws.com', headers: json('AmazonSQS.SendMessageBatch'), body: { QueueUrl: 'https://sqs.eu-central-1.amazonaws.com/123456789012/webhook-deliver', Entries: [] } });
    await signedJsonCall({ ...call, service: 'ses', endpoint: 'https://email.eu-central-1.amazonaws.com', path: '/v2/email/outbound-emails', operation: 'SendEmail', body: { FromEmailAddress: 'a@example.com' } });
    return { done: true };
  }
  await getItem();
  await files.describe('orgs/o1/requests/2026-0001/files/f1');
  await webhooks.post(`${receiverUrl()}/hooks/secret-token?key=abc`, { 'webhook-signature': 'v1,sig' }, '{}');
  return { done: true };
});

describe('tracing an invocation X-Ray sampled', () => {
  // First in this file: the module's first invocation is its cold start.
  it('sends the handler subsegment under Lambda’s segment, annotated with the correlation id, the cold start and the service', async () => {
    awsAnswers.push(answer(200, { Item: { pk: { S: 'REQ#2026-0001' } } }));
    await step({ execution: 'exec-1', then: 'calls' }, lambdaContext());
    const handler = named(await documents(4), '## orderdesk-test-echo');
    expect(handler).toMatchObject({ type: 'subsegment', trace_id: root, parent_id: lambdaSegment, annotations: { correlationId: 'workflow:exec-1', ColdStart: true, Service: 'orderdesk' } });
    expect(handler.id).toMatch(/^[0-9a-f]{16}$/);
    expect(handler.end_time).toBeGreaterThanOrEqual(handler.start_time);
    expect(handler).not.toHaveProperty('fault');
    expect(handler).not.toHaveProperty('error');
    // Nothing of the answer.
    expect(JSON.stringify(handler)).not.toContain('done');

    received.length = 0;
    awsAnswers.push(answer(200, {}));
    await step({ execution: 'exec-2', then: 'calls' }, lambdaContext());
    expect(named(await documents(4), '## orderdesk-test-echo').annotations).toMatchObject({ correlationId: 'workflow:exec-2', ColdStart: false });
  });

  it('sends each call’s subsegment as the handler’s child, in the same trace', async () => {
    awsAnswers.push(answer(200, { Item: {} }));
    awsSent.length = 0;
    await step({ execution: 'exec-3', then: 'calls' }, lambdaContext());
    const docs = await documents(4);
    const handler = named(docs, '## orderdesk-test-echo');
    const dynamodb = named(docs, 'DynamoDB');
    const s3 = named(docs, 'S3');
    const webhook = named(docs, '127.0.0.1');
    for (const call of [dynamodb, s3, webhook]) {
      expect(call).toMatchObject({ type: 'subsegment', trace_id: root, parent_id: handler.id });
      expect(call.start_time).toBeGreaterThanOrEqual(handler.start_time);
      expect(call.end_time).toBeLessThanOrEqual(handler.end_time!);
    }
    expect(dynamodb).toMatchObject({
      namespace: 'aws',
      aws: { operation: 'GetItem', region: 'eu-central-1', table_name: 'orderdesk-test', request_id: 'req-200' },
      http: { response: { status: 200 } },
    });
    expect(s3).toMatchObject({ namespace: 'aws', aws: { operation: 'HeadObject', region: 'eu-central-1', bucket_name: 'attachments-test', request_id: 's3-req-1', id_2: 's3-id-2' }, http: { response: { status: 200 } } });
    expect(webhook).toMatchObject({ namespace: 'remote', http: { request: { method: 'POST', url: receiverUrl() }, response: { status: 204 } } });
    for (const call of [dynamodb, s3, webhook]) {
      expect(call).not.toHaveProperty('error');
      expect(call).not.toHaveProperty('fault');
    }
    // No key, no path, no query, no signature, no item.
    const recorded = JSON.stringify(docs);
    for (const secret of ['secret-token', 'key=abc', 'v1,sig', 'REQ#2026-0001', 'orgs/o1']) expect(recorded).not.toContain(secret);
  });

  it('names each AWS call by its service’s SDK client and its operation, with the tables or queue its request names', async () => {
    awsAnswers.push(answer(200, {}), answer(200, {}), answer(200, {}), answer(200, {}));
    await step({ execution: 'exec-named', then: 'named-calls' }, lambdaContext());
    const calls = (await documents(5)).filter((doc) => doc.namespace === 'aws');
    expect(calls.map((doc) => [doc.name, doc.aws])).toEqual([
      ['DynamoDB', { operation: 'BatchGetItem', region: 'eu-central-1', table_names: ['orderdesk-test'], request_id: 'req-200' }],
      ['DynamoDB', { operation: 'TransactWriteItems', region: 'eu-central-1', table_names: ['orderdesk-test', 'orderdesk-other'], request_id: 'req-200' }],
      ['SQS', { operation: 'SendMessageBatch', region: 'eu-central-1', queue_url: 'https://sqs.eu-central-1.amazonaws.com/123456789012/webhook-deliver', request_id: 'req-200' }],
      ['SESv2', { operation: 'SendEmail', region: 'eu-central-1', request_id: 'req-200' }],
    ]);
    expect(JSON.stringify(calls)).not.toContain('a@example.com');
  });

  it('sends the trace header on AWS calls, each naming its own subsegment as the parent (and not Lambda’s Lineage); none to a webhook receiver', async () => {
    awsAnswers.push(answer(200, {}));
    awsSent.length = 0;
    await step({ execution: 'exec-4', then: 'calls' }, lambdaContext());
    const docs = await documents(4);
    expect(awsSent.map((headers) => headers['x-amzn-trace-id'])).toEqual([
      `Root=${root};Parent=${named(docs, 'DynamoDB').id};Sampled=1`,
      `Root=${root};Parent=${named(docs, 'S3').id};Sampled=1`,
    ]);
    expect(receiverHeaders[0]).not.toHaveProperty('x-amzn-trace-id');
  });

  it('flags a refused call as an error with AWS’s error type only, a throttled one as throttled, and a server error as a fault', async () => {
    awsAnswers.push(
      answer(400, { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed for jana.novakova@example.com' }),
      answer(400, { __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'slow down' }),
      answer(500, { __type: 'InternalServerError', message: 'oops' }),
    );
    await step({ execution: 'exec-5', then: 'refused-calls' }, lambdaContext());
    const calls = (await documents(4)).filter((doc) => doc.name === 'DynamoDB');
    expect(calls).toHaveLength(3);
    const [refused, throttled, failed] = calls;
    expect(refused).toMatchObject({ error: true, http: { response: { status: 400 } }, cause: { exceptions: [{ type: 'ConditionalCheckFailedException', remote: true }] } });
    expect(refused).not.toHaveProperty('throttle');
    expect(refused).not.toHaveProperty('fault');
    expect(JSON.stringify(refused)).not.toContain('jana');
    expect(throttled).toMatchObject({ error: true, throttle: true, cause: { exceptions: [{ type: 'ProvisionedThroughputExceededException' }] } });
    expect(failed).toMatchObject({ fault: true, http: { response: { status: 500 } } });
    expect(failed).not.toHaveProperty('error');
  });

  it('flags a call that got no answer as a fault, with what fetch said', async () => {
    const noAnswer = () => {
      throw new TypeError('fetch failed');
    };
    awsAnswers.push(noAnswer, noAnswer, noAnswer);
    await step({ execution: 'exec-6', then: 'refused-calls' }, lambdaContext());
    const [unanswered] = (await documents(4)).filter((doc) => doc.name === 'DynamoDB');
    expect(unanswered).toMatchObject({ fault: true, cause: { exceptions: [{ type: 'TypeError', message: 'fetch failed', remote: true }] } });
    expect(unanswered).not.toHaveProperty('http');
  });

  it('makes a handler that fails a fault with the error’s type, not its message (the log has it)', async () => {
    await expect(step({ execution: 'exec-7', then: 'fail' }, lambdaContext())).rejects.toThrow(/SES refused/);
    const handler = named(await documents(1), '## orderdesk-test-echo');
    expect(handler).toMatchObject({ fault: true, cause: { exceptions: [{ type: 'Error' }] } });
    expect(handler).not.toHaveProperty('error');
    expect(JSON.stringify(handler)).not.toContain('jana');
  });

  it('makes a route’s refusal an error with the words the caller is told, and its unexpected failure a fault', async () => {
    const route = defineRoute({
      name: 'traced-echo',
      method: 'POST',
      path: '/traced-echo',
      auth: 'public',
      summary: 'echo',
      tag: 'test',
      status: 200,
      schemas: { body: z.strictObject({ text: z.string() }), response: z.object({ text: z.string() }) },
      access: {},
    });
    const echo = createHandler(route)(async ({ body }) => {
      if (body.text === 'race') throw new ConflictError('Someone else changed it', 'reload and retry');
      if (body.text === 'boom') throw new TypeError('cannot read jana.novakova@example.com');
      return body;
    });
    const call = (text: string) => echo(apiEvent({ body: JSON.stringify({ text }), headers: { 'content-type': 'application/json' }, requestContext: { ...apiEvent().requestContext, requestId: `api-${text}` } }), lambdaContext());

    expect((await call('race')).statusCode).toBe(409);
    const refused = named(await documents(1), '## orderdesk-test-echo');
    expect(refused).toMatchObject({ error: true, annotations: { correlationId: 'api-race' }, cause: { exceptions: [{ type: 'ConflictError', message: 'Someone else changed it' }] } });
    expect(refused).not.toHaveProperty('fault');

    received.length = 0;
    expect((await call('boom')).statusCode).toBe(500);
    const failed = named(await documents(1), '## orderdesk-test-echo');
    expect(failed).toMatchObject({ fault: true, annotations: { correlationId: 'api-boom' }, cause: { exceptions: [{ type: 'TypeError' }] } });
    expect(JSON.stringify(failed)).not.toContain('jana');
  });
});

describe('an invocation not traced', () => {
  /**
   * Runs the untraced invocation, then a sampled one as a marker: datagrams on loopback arrive in
   * the order sent, so once the marker's have come, anything the first had sent would be here too.
   */
  const nothingSentBy = async (setUp: () => void) => {
    setUp();
    awsAnswers.push(answer(200, {}));
    awsSent.length = 0;
    await step({ execution: 'untraced', then: 'calls' }, lambdaContext());
    expect(awsSent.map((headers) => headers['x-amzn-trace-id'])).toEqual([undefined, undefined]);
    vi.stubEnv('_X_AMZN_TRACE_ID', sampled);
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', undefined);
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${(daemon.address() as AddressInfo).port}`);
    awsAnswers.push(answer(200, {}));
    await step({ execution: 'marker', then: 'calls' }, lambdaContext());
    const docs = await documents(4);
    expect(docs.filter((doc) => doc.annotations?.correlationId === 'workflow:untraced')).toEqual([]);
    expect(docs).toHaveLength(4);
    expect(new Set(docs.map((doc) => doc.trace_id))).toEqual(new Set([root]));
  };

  it('sends nothing when X-Ray did not sample it', async () => {
    await nothingSentBy(() => vi.stubEnv('_X_AMZN_TRACE_ID', `Root=1-67a0b1c2-fedcba9876543210fedcba98;Parent=${lambdaSegment};Sampled=0`));
  });

  it('sends nothing when tracing is off (the local stack) or there is no daemon (outside Lambda)', async () => {
    await nothingSentBy(() => vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false'));
    received.length = 0;
    await nothingSentBy(() => vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', undefined));
  });

  it('sends nothing for a call made outside any handler', async () => {
    awsAnswers.push(answer(200, {}));
    awsSent.length = 0;
    await getItem();
    expect(awsSent[0]).not.toHaveProperty('x-amzn-trace-id');
  });
});

describe('the trace header and the daemon address', () => {
  it('reads Lambda’s trace header, sampled or not, and refuses one without a valid root and parent', () => {
    expect(parseTraceHeader(sampled)).toEqual({ root, parent: lambdaSegment, sampled: true });
    expect(parseTraceHeader(`Root=${root};Parent=${lambdaSegment};Sampled=0`)).toMatchObject({ sampled: false });
    expect(parseTraceHeader(`Root=${root};Parent=${lambdaSegment}`)).toMatchObject({ sampled: false });
    expect(parseTraceHeader(`Root=${root}`)).toBeUndefined();
    expect(parseTraceHeader(`Root=1-nothex;Parent=${lambdaSegment};Sampled=1`)).toBeUndefined();
    expect(parseTraceHeader(undefined)).toBeUndefined();
  });

  it('reads the daemon’s UDP address in both of its forms', () => {
    expect(parseDaemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(parseDaemonAddress('tcp:127.0.0.1:2001 udp:127.0.0.2:2000')).toEqual({ host: '127.0.0.2', port: 2000 });
    expect(parseDaemonAddress('127.0.0.1')).toBeUndefined();
    expect(parseDaemonAddress('127.0.0.1:99999')).toBeUndefined();
    expect(parseDaemonAddress(undefined)).toBeUndefined();
  });
});
