import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildOpenApiDocument } from '../../../lib/http/openapi.js';
import type { RouteHandler } from '../../../lib/http/create-handler.js';
import { routeKey, type RouteDefinition } from '../../../lib/http/route.js';
import { routeList, routes } from '../../../lib/http/routes.js';
import { maxJsonBodyBytes } from '../../../lib/http/parse-request.js';
import { handler } from '../../../functions/get-openapi.js';
import { apiEvent, lambdaContext } from '../../support/lambda.js';

const document = buildOpenApiDocument(routeList, { title: 'orderdesk API', version: 'test', serverUrl: 'http://127.0.0.1:3000' });

interface Response {
  description: string;
  headers?: Record<string, { schema: Record<string, unknown> }>;
  content?: Record<string, { schema: Record<string, unknown> }>;
}
const responsesOf = (route: Pick<RouteDefinition, 'method' | 'path'>) =>
  (document.paths[route.path]?.[route.method.toLowerCase()] as { responses: Record<string, Response> }).responses;
const statusesOf = (route: RouteDefinition) => Object.keys(responsesOf(route)).map(Number);
/** The shape a response documents: `Error`, `GatewayError`, or both. */
const shapeOf = (response: Response | undefined): string[] => {
  const schema = response?.content?.['application/json']?.schema ?? {};
  const refs = [schema, ...((schema.anyOf as Record<string, unknown>[] | undefined) ?? [])].map((s) => s.$ref).filter((ref): ref is string => typeof ref === 'string');
  return refs.map((ref) => ref.replace('#/components/schemas/', ''));
};
const functionsDir = path.resolve(import.meta.dirname, '../../../functions');
const handlerOf = async (route: RouteDefinition): Promise<RouteHandler> =>
  ((await import(path.join(functionsDir, `${route.name}.ts`))) as { handler: RouteHandler }).handler;

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('lists every route of the table with its operation id', () => {
    for (const route of routeList) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toMatchObject({ operationId: route.name });
    }
  });

  it('marks protected routes with the bearer scheme and public ones with none', () => {
    expect(document.paths['/me']?.get).toMatchObject({ security: [{ cognito: [] }] });
    expect(document.paths['/health']?.get).toMatchObject({ security: [] });
  });

  it('shares named schemas as components and resolves every reference', () => {
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Me', 'Error']));
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(document.components.schemas).toHaveProperty(ref);
  });

  it('documents what every route shares: 400, 413 and 429; 401 (API Gateway’s) and 403 on JWT routes; 404 with a path; 409 on JWT writes; 503 busy with Retry-After wherever the table is read', () => {
    for (const route of routeList) {
      const responses = responsesOf(route);
      const at = routeKey(route);
      expect(shapeOf(responses['400']), at).toEqual(['Error']);
      expect(shapeOf(responses['413']), at).toEqual(['Error', 'GatewayError']);
      expect(shapeOf(responses['429']), at).toEqual(['GatewayError']);
      if (route.auth === 'jwt') {
        expect(shapeOf(responses['401']), at).toEqual(['GatewayError']);
        // The preference routes read the caller's own item: no account is a 404 there.
        if (route.refusals?.[403] !== false) expect(shapeOf(responses['403']), at).toEqual(['Error']);
        if (route.access.table === 'readWrite' && route.refusals?.[409] !== false) expect(shapeOf(responses['409']), at).toEqual(['Error']);
      }
      if (route.schemas.path) expect(shapeOf(responses['404']), at).toEqual(['Error']);
      if (route.access.table) {
        expect(shapeOf(responses['503']), at).toEqual(['Error']);
        expect(responses['503']?.headers, at).toHaveProperty('Retry-After');
      } else expect(responses['503'], at).toBeUndefined();
    }
    expect(statusesOf(routes.health).sort()).toEqual([200, 400, 413, 429, 500]);
  });

  it('documents the payment webhook’s 401 and its 503 with Retry-After, and says its amount is in minor units and its timestamp is checked against the business clock', () => {
    const responses = responsesOf(routes.paymentWebhook);
    expect(statusesOf(routes.paymentWebhook).sort()).toEqual([200, 400, 401, 413, 429, 500, 503]);
    expect(shapeOf(responses['401'])).toEqual(['Error']);
    expect(responses['401']?.description).toMatch(/signature.*X-Orderdesk-Timestamp.*business clock/);
    expect(responses['503']?.description).toMatch(/racing deliveries/);
    expect(responses['503']?.headers?.['Retry-After']?.schema).toEqual({ type: 'integer', minimum: 1 });
    const operation = document.paths['/payments/webhook']?.post as { description?: string };
    expect(operation.description).toMatch(/`amount` is an integer in \*\*minor units\*\*/);
    expect(operation.description).toMatch(/\*\*business clock\*\*/);
    expect(operation.description).toContain('POST /_clock/advance');
  });

  it('documents the link routes: 410 once a link expired, 400 for a token orderdesk did not make, and the GET of an unsubscribe link as a 303 to the portal', () => {
    for (const route of [routes.openLink, routes.unsubscribe, routes.unsubscribePage]) {
      expect(responsesOf(route)['410']?.description, route.name).toMatch(/^`link_expired`: the link has expired/);
      expect(responsesOf(route)['400']?.description, route.name).toMatch(/not an? (mute|open) link orderdesk made/);
    }
    expect(responsesOf(routes.unsubscribePage)['303']).toMatchObject({ headers: { Location: { required: true, schema: { type: 'string', format: 'uri' } } } });
    expect(responsesOf(routes.unsubscribePage)).not.toHaveProperty('200');
  });

  it('documents a route’s own refusals in its words, and no 409 where the route says it never answers one', () => {
    expect(responsesOf(routes.acceptOffer)['409']?.description).toMatch(/superseded, expired or decided already.*another change of the same thing came first/);
    expect(responsesOf(routes.createRequest)['409']?.description).toMatch(/`Idempotency-Key` used before with another body/);
    expect(responsesOf(routes.createRequest)['404']?.description).toMatch(/organisation agency staff named/);
    expect(responsesOf(routes.setQueueOrder)).toHaveProperty('404');
    expect(responsesOf(routes.paymentWebhook)).not.toHaveProperty('409');
    expect(responsesOf(routes.getPreferences)).not.toHaveProperty('403');
    expect(responsesOf(routes.getPreferences)['404']?.description).toMatch(/no orderdesk account/);
  });

  it('documents the 400 and 413 every handler answers before it reads anything (a query it does not take; a body over the limit)', async () => {
    process.env.TABLE_NAME ??= 'unit-test';
    for (const route of routeList) {
      const handle = await handlerOf(route);
      const event = (extra: Parameters<typeof apiEvent>[0]) =>
        apiEvent({ routeKey: routeKey(route), claims: route.auth === 'jwt' ? { sub: 'someone' } : undefined, ...extra });
      const unknownQuery = await handle(event({ queryStringParameters: { 'no-such-parameter': '1' } }), lambdaContext());
      expect(unknownQuery.statusCode, route.name).toBe(400);
      const tooLarge = await handle(event({ body: 'x'.repeat(maxJsonBodyBytes + 1), headers: { 'content-type': 'application/json' } }), lambdaContext());
      expect(tooLarge.statusCode, route.name).toBe(413);
      expect(statusesOf(route), route.name).toEqual(expect.arrayContaining([400, 413]));
    }
  });

  it('is served by GET /openapi.json', async () => {
    const result = await handler(apiEvent(), lambdaContext());
    expect(result.statusCode).toBe(200);
    const served = JSON.parse(result.body ?? '{}') as { paths: Record<string, unknown> };
    expect(Object.keys(served.paths).sort()).toEqual([...new Set(routeList.map((r) => r.path))].sort());
  });
});
