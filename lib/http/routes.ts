import { defineRoute, type RouteDefinition } from './route.js';
import { HealthResponse } from './schemas/health.js';
import { MeResponse } from './schemas/me.js';
import { OpenApiResponse } from './schemas/openapi.js';

/**
 * The route table: data only. The CDK API stack makes one Lambda and one API route of each
 * entry, the local server serves the same entries with the same handler modules, and the
 * OpenAPI document is generated from it. A route exists by being here.
 */
export const routes = {
  health: defineRoute({
    name: 'health',
    method: 'GET',
    path: '/health',
    auth: 'public',
    summary: 'Liveness of the API',
    tag: 'system',
    status: 200,
    schemas: { response: HealthResponse },
    access: {},
  }),
  openApi: defineRoute({
    name: 'get-openapi',
    method: 'GET',
    path: '/openapi.json',
    auth: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'system',
    status: 200,
    schemas: { response: OpenApiResponse },
    access: {},
  }),
  getMe: defineRoute({
    name: 'get-me',
    method: 'GET',
    path: '/me',
    auth: 'jwt',
    summary: 'The caller: user id, e-mail, role and organisation',
    tag: 'users',
    status: 200,
    schemas: { response: MeResponse },
    access: { table: 'read' },
  }),
} as const;

export const routeList: readonly RouteDefinition[] = Object.values(routes);
