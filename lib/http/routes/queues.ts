import { ClientQueueView, QueuePlacementView, RequestView, WorkQueueView } from '../../services/views.js';
import { AssigneeBody, ClientQueueQuery, MoveBody, QueueOrderBody, WorkQueueQuery } from '../schemas/queues.js';
import { RequestPath } from '../schemas/requests.js';
import { routeTable, type RouteEntries } from '../route.js';

/** Queues: the order a client wants its requests handled in, and who works on them. */
export const queueRoutes = routeTable({
  assignRequest: {
    method: 'PUT',
    path: '/requests/{requestId}/assignee',
    summary: 'Assign an active request to an agency person, or unassign it (agency staff)',
    tag: 'queues',
    status: 200,
    schemas: { path: RequestPath, body: AssigneeBody, response: RequestView },
    access: { table: 'readWrite' },
    refusals: { 400: '`assigneeId` is not an agency person', 403: 'only agency staff assign requests', 409: 'the request is finished' },
  },
  getQueue: {
    method: 'GET',
    path: '/queue',
    summary: 'The organisation’s active requests in the order the client wants them handled, a page at a time',
    tag: 'queues',
    status: 200,
    schemas: { query: ClientQueueQuery, response: ClientQueueView },
    access: { table: 'read' },
    refusals: {
      400: 'agency staff name the organisation (`orgId`)',
      403: 'the caller belongs to no client organisation (invited to single requests only)',
      404: 'the organisation named (`orgId`) does not exist, or is not the caller’s',
    },
  },
  moveRequest: {
    method: 'POST',
    path: '/requests/{requestId}/move',
    summary: 'Move a request before or after another one of the queue, or to its top or bottom',
    tag: 'queues',
    status: 200,
    schemas: { path: RequestPath, body: MoveBody, response: QueuePlacementView },
    access: { table: 'readWrite' },
    refusals: {
      403: 'agency staff, participants, members of an organisation that lets only admins rank, or a request the caller sees only as invited',
      404: 'the request, or the one named as `before`/`after`, is not there or not the caller’s to see',
      409: 'a request named is finished, or the queue changed during the move',
    },
  },
  setQueueOrder: {
    method: 'PUT',
    path: '/queue',
    summary: 'Set the whole order of the queue at once',
    tag: 'queues',
    status: 200,
    schemas: { body: QueueOrderBody, response: ClientQueueView },
    access: { table: 'readWrite' },
    refusals: {
      400: 'the order names a request twice',
      403: 'agency staff, participants, members of an organisation that lets only admins rank, or a request the caller sees only as invited',
      404: 'a request the order names is not there or not the caller’s to see',
      409: 'the order leaves out a request of the queue, names one that is finished or joined it meanwhile, or the queue holds more requests than one order may name',
    },
  },
  getWorkQueue: {
    method: 'GET',
    path: '/work-queue',
    summary: 'Ready work of every organisation, each in its client’s order (agency staff)',
    tag: 'queues',
    status: 200,
    schemas: { query: WorkQueueQuery, response: WorkQueueView },
    access: { table: 'read' },
    refusals: { 403: 'only agency staff see the work queue (clients: `GET /queue`)' },
  },
} satisfies RouteEntries);
