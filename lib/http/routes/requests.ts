import { RequestPage, RequestView } from '../../services/views.js';
import { ActionBody } from '../schemas/queues.js';
import { CancelBody, CreateRequestBody, ListRequestsQuery, RequestPath } from '../schemas/requests.js';
import { routeTable, type RouteEntries } from '../route.js';

/** Requests: filing, reading and listing them, and the steps of their lifecycle. */
export const requestRoutes = routeTable({
  createRequest: {
    method: 'POST',
    path: '/requests',
    summary: 'File a non-binding request (inquiry, defect report or authorised work)',
    tag: 'requests',
    status: 201,
    idempotent: true,
    schemas: { body: CreateRequestBody, response: RequestView },
    access: { table: 'readWrite' },
    refusals: {
      403: 'only client organisations and agency staff file requests, and a client for its own organisation only',
      404: 'the organisation agency staff named (`orgId`) does not exist',
    },
  },
  listRequests: {
    method: 'GET',
    path: '/requests',
    summary: 'Requests the caller may see, newest first, filtered and paged',
    tag: 'requests',
    status: 200,
    schemas: { query: ListRequestsQuery, response: RequestPage },
    access: { table: 'read' },
    refusals: { 403: 'only agency staff list all requests or another organisation’s (`orgId`); a person of no organisation lists `scope=invited`' },
  },
  getRequest: {
    method: 'GET',
    path: '/requests/{requestId}',
    summary: 'One request, with what the caller may do with it now',
    tag: 'requests',
    status: 200,
    schemas: { path: RequestPath, response: RequestView },
    access: { table: 'read' },
  },
  cancelRequest: {
    method: 'POST',
    path: '/requests/{requestId}/cancel',
    summary: 'Cancel a request while nothing is binding yet (before an offer is accepted)',
    tag: 'requests',
    status: 200,
    schemas: { path: RequestPath, body: CancelBody, response: RequestView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      403: 'the caller’s role on the request does not allow cancelling it',
      409: 'the request is past cancelling (an offer is accepted, or it is finished)',
    },
  },
  takeAction: {
    method: 'POST',
    path: '/requests/{requestId}/actions',
    summary: 'Take a lifecycle step: clarify; fix or start work (you are assigned if nobody is); explain (the explanation is the note); reopen an answer (with a note saying why); close',
    tag: 'requests',
    status: 200,
    schemas: { path: RequestPath, body: ActionBody, response: RequestView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      403: 'the caller’s role on the request does not allow that step',
      409: 'the request’s status or type does not allow that step now, or the window to reopen an answer has ended (it is closed)',
    },
  },
} satisfies RouteEntries);
