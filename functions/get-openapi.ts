import { createHandler } from '../lib/http/create-handler.js';
import { buildOpenApiDocument } from '../lib/http/openapi.js';
import { routeList, routes } from '../lib/http/routes.js';

// Built once per cold start: the route table does not change while the function lives.
const document = buildOpenApiDocument(routeList, { title: 'orderdesk API', version: '0.1.0' });

export const handler = createHandler(routes.getOpenapi)(async () => document);
