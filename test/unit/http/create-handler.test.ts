import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import type { User } from '../../../lib/domain/user.js';
import { createHandler } from '../../../lib/http/create-handler.js';
import { defineRoute } from '../../../lib/http/route.js';
import { routes } from '../../../lib/http/routes.js';
import { currentCorrelationId } from '../../../lib/observability/correlation.js';
import type { ServiceDeps } from '../../../lib/services/ports/deps.js';
import { createRequest } from '../../../lib/services/requests/requests.js';
import { apiEvent, lambdaContext } from '../../support/lambda.js';
import { loggedBy } from '../../support/logs.js';
import { recordingMetrics } from '../../support/metrics.js';

const route = defineRoute({
  name: 'echo',
  method: 'POST',
  path: '/echo',
  auth: 'jwt',
  summary: 'echo',
  tag: 'test',
  status: 201,
  schemas: { body: z.strictObject({ text: z.string().max(5) }), response: z.object({ text: z.string(), by: z.string() }) },
  access: {},
});

const echo = createHandler(route)(async ({ body, identity }) => {
  if (body.text === 'race') throw new ConflictError('Someone else changed it', 'reload and retry');
  if (body.text === 'boom') throw new TypeError('undefined is not a function at secret.ts:12');
  return { text: body.text, by: identity.userId };
});

const call = async (body: string, claims: Record<string, string> | null = { sub: 'user-1' }) => {
  const result = await echo(apiEvent({ body, headers: { 'content-type': 'application/json' }, claims: claims ?? undefined }), lambdaContext());
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') as unknown, headers: result.headers };
};

describe('createHandler', () => {
  it('answers with the route status and the implementation result as JSON', async () => {
    const answer = await call('{"text":"hi"}');
    expect(answer).toMatchObject({ status: 201, body: { text: 'hi', by: 'user-1' } });
    expect(answer.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  });

  it('answers 400 with the field and reason for invalid input', async () => {
    const answer = await call('{"text":"too long"}');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'body.text' }] } });
  });

  it('answers 401 on a protected route that arrives without claims', async () => {
    expect((await call('{"text":"hi"}', null)).status).toBe(401);
  });

  it('maps a named domain error to its status with the next step', async () => {
    const answer = await call('{"text":"race"}');
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'conflict', next: 'reload and retry' } } });
  });

  it('turns an unexpected error into a 500 that leaks nothing and carries API Gateway’s request id', async () => {
    const answer = await call('{"text":"boom"}');
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toMatch(/secret|undefined is not/);
    // The event's `requestContext.requestId` (what the access log says), not Lambda's `aws-request-1`.
    expect(answer.body).toMatchObject({ error: { requestId: 'r' } });
  });
});

describe('a route that asks for the raw body', () => {
  const signed = defineRoute({
    name: 'webhook',
    method: 'POST',
    path: '/webhook',
    auth: 'public',
    summary: 'webhook',
    tag: 'test',
    status: 200,
    rawBody: true,
    schemas: { response: z.object({ bytes: z.string(), signature: z.string().optional() }) },
    access: {},
  });
  // The handler sees the bytes as sent: here it answers them in hex, as an HMAC would hash them.
  const webhook = createHandler(signed)(async ({ rawBody, headers }) => ({ bytes: rawBody.toString('hex'), signature: headers['x-signature'] }));
  const send = async (event: Parameters<typeof apiEvent>[0]) => {
    const result = await webhook(apiEvent(event), lambdaContext());
    return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') as unknown };
  };

  it('gets the bytes exactly as sent, spacing and key order included, not re-serialised JSON', async () => {
    const body = '{ "b": 1,\n  "a": "ž" }';
    const answer = await send({ body, headers: { 'content-type': 'application/json', 'x-signature': 'sha256=abc' } });
    expect(answer).toEqual({ status: 200, body: { bytes: Buffer.from(body, 'utf8').toString('hex'), signature: 'sha256=abc' } });
  });

  it('gets the decoded bytes of a body API Gateway base64-encoded, whatever its content type', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80]);
    const answer = await send({ body: bytes.toString('base64'), isBase64Encoded: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer).toEqual({ status: 200, body: { bytes: '00ff1080' } });
  });

  it('refuses a body over the size limit with a 413, before the handler runs', async () => {
    const answer = await send({ body: 'x'.repeat(256 * 1024 + 1), headers: { 'content-type': 'text/plain' } });
    expect(answer.status).toBe(413);
  });
});

describe('an API call as one action', () => {
  const jana: User = { userId: 'u-jana', email: 'jana@acme.example', name: 'Jana Nováková', role: 'client_admin', orgId: 'org-acme', createdAt: '2026-01-01T00:00:00.000Z' };
  /** `createRequest` on fakes: the writes it commits are kept, the metrics it counts recorded. */
  const filing = () => {
    const entries: TimelineEntry[] = [];
    const { metrics, counts } = recordingMetrics();
    const deps = {
      users: { getUser: async (userId: string) => (userId === jana.userId ? jana : undefined) },
      requests: { nextSequence: async () => 42, create: () => ({ label: 'request' }) },
      queues: { lastRank: async () => undefined },
      timeline: { append: (entry: TimelineEntry) => (entries.push(entry), { label: 'entry' }) },
      idempotency: {},
      unitOfWork: { commit: async () => undefined },
      now: () => new Date('2026-11-25T10:00:00.000Z'),
      newId: () => 'entry-1',
      correlationId: currentCorrelationId,
      metrics,
    } as unknown as ServiceDeps;
    const handler = createHandler(routes.createRequest)(({ identity, body, idempotencyKey }) => createRequest(deps, identity, body, idempotencyKey));
    const file = (requestId: string, body: unknown) => {
      const event = apiEvent({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, claims: { sub: jana.userId } });
      event.requestContext.requestId = requestId;
      return handler(event, lambdaContext());
    };
    return { file, entries, counts };
  };
  const inquiry = { type: 'inquiry', title: 'Nový e-shop', description: 'Chceme e-shop.', platform: 'azami' };

  it('records API Gateway’s request id on the timeline entry it writes, and counts what it did', async () => {
    const { file, entries, counts } = filing();
    const answer = await file('JKJaXmPLvHcESHA=', inquiry);
    expect(answer.statusCode).toBe(201);
    expect(entries).toEqual([expect.objectContaining({ kind: 'request_created', correlationId: 'JKJaXmPLvHcESHA=' })]);
    expect(counts()).toEqual({ RequestsFiled: 1 });
  });

  it('logs under that id, and answers it as the error’s requestId; what it did not do is not counted', async () => {
    const { file, entries, counts } = filing();
    const { result: answer, lines } = await loggedBy(() => file('KLMbYnQMwIdFTIB=', { ...inquiry, type: 'wish' }));
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body ?? '{}')).toMatchObject({ error: { code: 'validation_failed', requestId: 'KLMbYnQMwIdFTIB=' } });
    expect(lines).toEqual([expect.objectContaining({ message: 'request refused', correlationId: 'KLMbYnQMwIdFTIB=', route: 'create-request', function_request_id: 'aws-request-1' })]);
    expect(entries).toEqual([]);
    expect(counts()).toEqual({});
  });

  it('keeps two calls apart that run at once', async () => {
    const { file, entries } = filing();
    await Promise.all([file('call-1', inquiry), file('call-2', inquiry)]);
    expect(entries.map((entry) => entry.correlationId).sort()).toEqual(['call-1', 'call-2']);
  });
});
