import * as z from 'zod';
import type { RefusalStatus, RouteDefinition } from './route.js';
import { refusalsOf } from './refusals.js';
import { idempotencyWindowSeconds } from '../services/idempotent.js';
import { ErrorBody, GatewayErrorBody } from './schemas/error.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiOptions {
  title: string;
  version: string;
  serverUrl?: string;
}

/** Points zod's `#/$defs/X` references at the document's `#/components/schemas/X`. */
const retarget = (value: unknown, names: Map<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => retarget(item, names));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')) {
        const id = inner.slice('#/$defs/'.length);
        return [key, `#/components/schemas/${names.get(id) ?? id}`];
      }
      return [key, retarget(inner, names)];
    }),
  );
};

/**
 * Builds the OpenAPI 3.1 document of a route table. OpenAPI 3.1 speaks JSON Schema 2020-12,
 * which is what zod emits, so schemas need no translation; named schemas (`.meta({ id })`)
 * become shared components.
 */
export const buildOpenApiDocument = (routes: readonly RouteDefinition[], options: OpenApiOptions) => {
  const components: Record<string, JsonSchema> = {};

  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
    const names = new Map<string, string>();
    for (const [id, definition] of Object.entries($defs ?? {})) {
      const existing = components[id];
      const name = existing === undefined || JSON.stringify(existing) === JSON.stringify(definition) ? id : `${id}Input`;
      names.set(id, name);
    }
    for (const [id, definition] of Object.entries($defs ?? {})) {
      components[names.get(id) ?? id] = retarget(definition, names) as JsonSchema;
    }
    return retarget(rest, names) as JsonSchema;
  };

  const parameters = (location: 'path' | 'query', schema: z.ZodObject | undefined) =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
      name,
      in: location,
      required: location === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      schema: toSchema(field as z.ZodType, 'input'),
    }));

  const errorSchema = () => toSchema(ErrorBody, 'output');
  const gatewaySchema = () => toSchema(GatewayErrorBody, 'output');
  const bodySchemas = { error: () => errorSchema(), gateway: () => gatewaySchema(), either: () => ({ anyOf: [errorSchema(), gatewaySchema()] }) };
  const retryAfter = {
    'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const { path, query, body, response } = route.schemas;
    const responses: Record<string, unknown> = {
      [route.status]:
        route.status === 204
          ? { description: 'Done' }
          : route.status === 303
            ? {
                description: 'See Other: the answer is at `Location`',
                headers: { Location: { description: 'Where to go', required: true, schema: { type: 'string', format: 'uri' } } },
              }
            : { description: 'Success', content: { 'application/json': { schema: toSchema(response, 'output') } } },
    };
    const refusals = refusalsOf(route);
    for (const status of Object.keys(refusals).map(Number).sort((a, b) => a - b) as RefusalStatus[]) {
      const refusal = refusals[status]!;
      responses[status] = {
        description: refusal.description,
        ...(refusal.retryAfter ? { headers: retryAfter } : {}),
        content: { 'application/json': { schema: bodySchemas[refusal.body]() } },
      };
    }
    responses['500'] = { description: 'Unexpected failure (logged)', content: { 'application/json': { schema: errorSchema() } } };

    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.name,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: route.auth === 'jwt' ? [{ cognito: [] }] : [],
      parameters: [
        ...parameters('path', path),
        ...parameters('query', query),
        ...(route.idempotent
          ? [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                description: `Repeat a call with the same key (for ${idempotencyWindowSeconds / 3600} h) and get the first answer back instead of a second copy`,
                schema: { type: 'string', minLength: 1, maxLength: 255 },
              },
            ]
          : []),
      ],
      ...(body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(body, 'input') } } } }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      description: [
        'The orderdesk API: requests, communication, offers, orders and reviews of the agency helpdesk.',
        '',
        'Every refusal of a route is in the `Error` shape (`{ error: { code, message, details?, next?, requestId? } }`), except what API Gateway answers before any function runs, in its own `GatewayError` shape (`{ message }`): a missing or invalid token (401), its throttle (429), a body over its payload limit (413), and a 5xx when a function does not answer in time. Each operation lists what it can answer.',
        '',
        'A path or method of no route here answers in the `Error` shape too: `404 not_found`, or `405 method_not_allowed` with `Allow` naming the methods the path has.',
      ].join('\n'),
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID or access token of the Azami or Digimadi app client',
        },
      },
    },
  };
};
