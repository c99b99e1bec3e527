import * as z from 'zod';
import { RequestPath } from '../schemas/requests.js';
import { AcceptDeliveryBody, FeedbackView, HandoverBody, HandoverResultView, HandoverView, RequestChangesBody, RoundPath } from '../schemas/review.js';
import { routeTable, type RouteEntries } from '../route.js';

/** Review: handing work over, the client's verdict on each round, and the ratings. */
export const reviewRoutes = routeTable({
  handOver: {
    method: 'POST',
    path: '/requests/{requestId}/handovers',
    summary: 'Hand the work over for review (agency staff): notes, files, a link. Opens the next review round; its window ends 7 calendar days later at 23:59:59 Prague time',
    tag: 'review',
    status: 201,
    schemas: { path: RequestPath, body: HandoverBody, response: HandoverResultView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      400: 'an attached file is internal (the client would not see it)',
      403: 'only agency staff hand work over',
      404: 'the request, or an attached file, is not there (or not uploaded)',
      409: 'the request’s status does not allow a handover now, or an attached file is not `clean` (still being checked for malware: send again once it is; infected or unreadable: leave it out)',
    },
  },
  listHandovers: {
    method: 'GET',
    path: '/requests/{requestId}/handovers',
    summary: 'Every review round of a request, first to last, with its deadline and how it ended',
    tag: 'review',
    status: 200,
    schemas: { path: RequestPath, response: z.array(HandoverView) },
    access: { table: 'read' },
  },
  acceptDelivery: {
    method: 'POST',
    path: '/requests/{requestId}/handovers/{round}/accept',
    summary: 'Accept the delivery of a round (the client organisation), optionally rating it 1–5 with a comment',
    tag: 'review',
    status: 200,
    schemas: { path: RoundPath, body: AcceptDeliveryBody, response: HandoverResultView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      403: 'only the client organisation reviews its deliveries',
      404: 'the request or the round is not there, or not the caller’s to see',
      409: 'the round is not the one under review, its review ended already, or its review period has ended (the delivery is deemed accepted)',
    },
  },
  requestChanges: {
    method: 'POST',
    path: '/requests/{requestId}/handovers/{round}/request-changes',
    summary: 'Ask for changes to the delivery of a round (the client organisation), saying what: the agent resumes and hands over again',
    tag: 'review',
    status: 200,
    schemas: { path: RoundPath, body: RequestChangesBody, response: HandoverResultView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      400: 'an attached file is internal',
      403: 'only the client organisation reviews its deliveries',
      404: 'the request, the round or an attached file is not there, or not the caller’s to see',
      409: 'the round is not the one under review, its review ended already, or its review period has ended (the delivery is deemed accepted); or an attached file is not `clean` (still being checked for malware: send again once it is; infected or unreadable: leave it out)',
    },
  },
  getFeedback: {
    method: 'GET',
    path: '/feedback',
    summary: 'Clients’ ratings of deliveries per organisation and per agency person (agency staff)',
    tag: 'review',
    status: 200,
    schemas: { response: FeedbackView },
    access: { table: 'read' },
    refusals: { 403: 'only agency staff see the ratings' },
  },
} satisfies RouteEntries);
