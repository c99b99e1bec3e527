import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError } from '../../../lib/domain/errors.js';
import { createHandler } from '../../../lib/http/create-handler.js';
import { defineRoute } from '../../../lib/http/route.js';
import { apiEvent, lambdaContext } from '../../support/lambda.js';

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

  it('turns an unexpected error into a 500 that leaks nothing and carries the request id', async () => {
    const answer = await call('{"text":"boom"}');
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toMatch(/secret|undefined is not/);
    expect(answer.body).toMatchObject({ error: { requestId: 'aws-request-1' } });
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
