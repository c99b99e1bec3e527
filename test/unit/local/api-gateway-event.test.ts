import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineRoute } from '../../../lib/http/route.js';
import { compileRoute, findRoute, fromLambdaResult, malformedPathAnswer, toApiGatewayEvent } from '../../../local/api-gateway-event.js';

const route = (name: string, path: string, method: 'GET' | 'POST' = 'GET') =>
  defineRoute({ name, method, path, auth: 'jwt', summary: name, tag: 't', status: 200, schemas: { response: z.object({}) }, access: {} });

const matchers = [route('get-request', '/requests/{requestId}'), route('list-mine', '/requests/mine'), route('create', '/requests', 'POST')].map(
  compileRoute,
);

describe('local route matching', () => {
  it('extracts and decodes path parameters', () => {
    const found = findRoute(matchers, 'GET', '/requests/2026%2D0042');
    expect(found?.matcher.route.name).toBe('get-request');
    expect(found?.params).toEqual({ requestId: '2026-0042' });
  });

  it('names a parameter whose percent-encoding is not UTF-8 instead of throwing, keeping its raw text', () => {
    const found = findRoute(matchers, 'GET', '/requests/%ff%fe');
    expect(found?.matcher.route.name).toBe('get-request');
    expect(found).toMatchObject({ params: { requestId: '%ff%fe' }, malformed: ['requestId'] });
    expect(findRoute(matchers, 'GET', '/requests/2026-0042')?.malformed).toEqual([]);
    expect(findRoute(matchers, 'GET', '/requests/50%')?.malformed).toEqual(['requestId']);
  });

  it('answers an undecodable path parameter with a 400 naming it, in the error shape of the handlers', () => {
    const answer = malformedPathAnswer(['requestId'], 'req-1');
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body.toString())).toEqual({
      error: {
        code: 'validation_failed',
        message: expect.stringContaining('path.requestId'),
        details: [{ field: 'path.requestId', reason: expect.any(String) }],
        requestId: 'req-1',
      },
    });
  });

  it('prefers a literal segment over a parameter, as API Gateway does', () => {
    expect(findRoute(matchers, 'GET', '/requests/mine')?.matcher.route.name).toBe('list-mine');
  });

  it('matches on method and whole path only', () => {
    expect(findRoute(matchers, 'DELETE', '/requests/1')).toBeUndefined();
    expect(findRoute(matchers, 'GET', '/requests/1/extra')).toBeUndefined();
    expect(findRoute(matchers, 'GET', '/requests')).toBeUndefined();
  });
});

describe('the payload 2.0 event', () => {
  const call = (headers: Record<string, string>, body: string | Buffer = '') => ({
    method: 'GET',
    url: new URL('http://127.0.0.1:3000/requests/7?status=open&status=quoted&q=a%20b'),
    headers: { host: '127.0.0.1:3000', ...headers },
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
  });

  it('carries route key, raw path, joined query values, cookies and JWT claims like API Gateway', () => {
    const event = toApiGatewayEvent(call({ cookie: 'a=1; b=2', 'x-trace': 't' }), matchers[0]!.route, { requestId: '7' }, { sub: 'u1' });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /requests/{requestId}',
      rawPath: '/requests/7',
      rawQueryString: 'status=open&status=quoted&q=a%20b',
      queryStringParameters: { status: 'open,quoted', q: 'a b' },
      pathParameters: { requestId: '7' },
      cookies: ['a=1', 'b=2'],
      headers: { 'x-trace': 't' },
      requestContext: { authorizer: { jwt: { claims: { sub: 'u1' } } }, stage: '$default' },
    });
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('passes a JSON body as text and a binary body as base64', () => {
    const json = toApiGatewayEvent(call({ 'content-type': 'application/json' }, '{"a":1}'), matchers[0]!.route, {}, undefined);
    expect(json).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
    const binary = toApiGatewayEvent(call({ 'content-type': 'image/png' }, Buffer.from([0, 255])), matchers[0]!.route, {}, undefined);
    expect(binary).toMatchObject({ body: 'AP8=', isBase64Encoded: true });
    expect(binary.requestContext).not.toHaveProperty('authorizer');
  });
});

describe('handler results', () => {
  it('uses a structured result as given, decoding base64 and cookies', () => {
    const answer = fromLambdaResult({ statusCode: 201, headers: { 'X-Id': '1' }, cookies: ['s=1'], body: 'aGk=', isBase64Encoded: true });
    expect(answer).toEqual({ statusCode: 201, headers: { 'x-id': '1', 'set-cookie': ['s=1'] }, body: Buffer.from('hi') });
  });

  it('treats any other value as a 200 JSON body', () => {
    expect(fromLambdaResult({ ok: true })).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"ok":true}') });
  });
});
