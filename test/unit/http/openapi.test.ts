import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../lib/http/openapi.js';
import { routeList } from '../../../lib/http/routes.js';
import { handler } from '../../../functions/get-openapi.js';
import { apiEvent, lambdaContext } from '../../support/lambda.js';

const document = buildOpenApiDocument(routeList, { title: 'orderdesk API', version: 'test', serverUrl: 'http://127.0.0.1:3000' });

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

  it('is served by GET /openapi.json', async () => {
    const result = await handler(apiEvent(), lambdaContext());
    expect(result.statusCode).toBe(200);
    const served = JSON.parse(result.body ?? '{}') as { paths: Record<string, unknown> };
    expect(Object.keys(served.paths).sort()).toEqual([...new Set(routeList.map((r) => r.path))].sort());
  });
});
