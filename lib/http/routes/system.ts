import { HealthResponse } from '../schemas/health.js';
import { MeResponse } from '../schemas/me.js';
import { OpenApiResponse } from '../schemas/openapi.js';
import { routeTable, type RouteEntries } from '../route.js';

/** The system's own routes: liveness, the API's description, and who the caller is. */
export const systemRoutes = routeTable({
  health: {
    method: 'GET',
    path: '/health',
    auth: 'public',
    publicBecause: 'A load balancer’s and an operator’s liveness probe: it answers `ok` and reads nothing',
    summary: 'Liveness of the API',
    tag: 'system',
    status: 200,
    schemas: { response: HealthResponse },
    access: {},
  },
  getOpenapi: {
    method: 'GET',
    path: '/openapi.json',
    auth: 'public',
    publicBecause: 'The API’s published description, the same for everyone; it reads no data',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'system',
    status: 200,
    schemas: { response: OpenApiResponse },
    access: {},
  },
  getMe: {
    method: 'GET',
    path: '/me',
    summary: 'The caller: user id, e-mail, role and organisation',
    tag: 'users',
    status: 200,
    schemas: { response: MeResponse },
    access: { table: 'read' },
  },
} satisfies RouteEntries);
