import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxJsonBodyBytes } from '../../lib/http/parse-request.js';
import { routeList, routes } from '../../lib/http/routes.js';
import { ErrorBody } from '../../lib/http/schemas/error.js';
import { anonymous, asDemoUser, newInquiry, ok, people, type Client } from '../support/api-client.js';

let agent: Client;
let requestId: string;

beforeAll(async () => {
  agent = await asDemoUser(people.agent);
  const jana = await asDemoUser(people.clientAdmin);
  requestId = ok(await jana.send(routes.createRequest, { body: newInquiry('Fuzzing target') })).requestId;
});

const writeRoutes = routeList.filter((route) => route.method !== 'GET');

/** A path of the route with each {parameter} either the real request id or random text. */
const pathOf = (template: string, values: string[]) => {
  let i = 0;
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'requestId' && i++ % 2 === 0 ? requestId : encodeURIComponent(values[i++ % values.length] ?? '')));
};

describe('bad input never breaks a write route', () => {
  it.each(writeRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers random JSON bodies and paths with 4xx (or success), never 5xx',
    async (_key, route) => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 3 }), async (body, segments) => {
          const answer = await agent.raw(route.method, pathOf(route.path, segments), { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
          expect(answer.status, JSON.stringify({ body, segments, answer })).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    },
  );

  it.each(writeRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers bodies that are not JSON with 400 or 404',
    async (_key, route) => {
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 200 }).filter((text) => { try { JSON.parse(text); return false; } catch { return true; } }), async (text) => {
          const answer = await agent.raw(route.method, pathOf(route.path, ['x']), { body: text, headers: { 'content-type': 'application/json' } });
          // The payment webhook checks its signature before anything else: unsigned is 401.
          expect(route === routes.paymentWebhook ? [401] : [400, 404], text).toContain(answer.status);
        }),
        { numRuns: 15 },
      );
    },
  );

  it('refuses an oversized body with 413', async () => {
    const answer = await agent.send(routes.postMessage, { path: { requestId }, body: { body: 'x'.repeat(maxJsonBodyBytes + 1) } });
    expect(answer).toMatchObject({ status: 413, error: { code: 'payload_too_large' } });
  });

  it('refuses a message above 20 000 characters with the field and reason', async () => {
    const answer = await agent.send(routes.postMessage, { path: { requestId }, body: { body: 'ž'.repeat(20_001) } });
    expect(answer.status).toBe(400);
    expect(answer.error?.details).toEqual([expect.objectContaining({ field: 'body.body' })]);
  });

  it('refuses unknown fields, naming them', async () => {
    // Raw: the types of send refuse the unknown field.
    const answer = await agent.raw('POST', '/requests', { body: { ...newInquiry(), orgId: 'org-acme', status: 'accepted' } });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(ErrorBody.parse(answer.body).error.details)).toContain('status');
  });

  it('refuses a path parameter whose percent-encoding is not UTF-8 with a 400 naming it, after the authorizer', async () => {
    // Raw: send would percent-encode the `%` itself.
    const answer = await agent.raw('GET', '/requests/%ff%fe');
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', details: [{ field: 'path.requestId' }] } } });
    expect(await anonymous().raw('GET', '/requests/%ff%fe')).toMatchObject({ status: 401 });
    const participant = await agent.raw('DELETE', `/requests/${requestId}/participants/%e9`);
    expect(participant).toMatchObject({ status: 400, body: { error: { details: [{ field: 'path.userId' }] } } });
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const answer = await agent.send(routes.postMessage, { path: { requestId }, body: { body: 'hi' }, headers: { 'idempotency-key': 'has spaces in it' } });
    expect(answer).toMatchObject({ status: 400, error: { details: [{ field: 'headers.idempotency-key' }] } });
  });

  it('refuses attachments above 25 MB and of types not on the list', async () => {
    const tooBig = await agent.send(routes.requestUpload, { path: { requestId }, body: { fileName: 'big.zip', size: 25 * 1024 * 1024 + 1, contentType: 'application/zip' } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.error?.details?.[0]).toMatchObject({ field: 'body.size' });
    // Raw: the types of send refuse a content type that is not on the list.
    const html = await agent.raw('POST', `/requests/${requestId}/attachments`, { body: { fileName: 'x.html', size: 10, contentType: 'text/html' } });
    expect(ErrorBody.parse(html.body).error.details?.[0]).toMatchObject({ field: 'body.contentType', reason: 'this file type is not allowed' });
  });
});
