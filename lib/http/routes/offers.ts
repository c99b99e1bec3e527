import * as z from 'zod';
import { replayWindowSeconds } from '../../domain/orders/webhook-signature.js';
import { AcceptBody, OfferBody, OfferDecisionView, OfferPath, OfferView, OrderView, PaymentBody, PaymentResultView, RejectBody } from '../schemas/offers.js';
import { RequestPath } from '../schemas/requests.js';
import { routeTable, type RouteEntries } from '../route.js';

/** Offers, the binding orders they become, and the orders' payments. */
export const offerRoutes = routeTable({
  postOffer: {
    method: 'POST',
    path: '/requests/{requestId}/offers',
    summary: 'Post an offer (agency staff): what it includes, line by line, with prices; the totals are computed. It replaces the open offer',
    tag: 'offers',
    status: 201,
    schemas: { path: RequestPath, body: OfferBody, response: OfferView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: { 403: 'only agency staff post offers', 409: 'the request’s status or type does not take an offer now' },
  },
  listOffers: {
    method: 'GET',
    path: '/requests/{requestId}/offers',
    summary: 'Every offer of a request, first to last, with its status, totals and content hash',
    tag: 'offers',
    status: 200,
    schemas: { path: RequestPath, response: z.array(OfferView) },
    access: { table: 'read' },
  },
  acceptOffer: {
    method: 'POST',
    path: '/requests/{requestId}/offers/{offerNumber}/accept',
    summary: 'Accept an offer: it becomes a binding order (the organisation’s admins, or members if allowed). Name the content hash you saw',
    tag: 'offers',
    status: 200,
    schemas: { path: OfferPath, body: AcceptBody, response: OfferDecisionView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      403: 'only the client organisation decides on its offers: its admins, or its members where the organisation allows them',
      404: 'the request or the offer is not there, or not the caller’s to see',
      409: 'the offer was superseded, expired or decided already, its content hash is not the one named, the request no longer waits for a decision, or the organisation has no billing details for the order',
    },
  },
  rejectOffer: {
    method: 'POST',
    path: '/requests/{requestId}/offers/{offerNumber}/reject',
    summary: 'Decline an offer with a reason: the request goes back to clarifying for a revised offer',
    tag: 'offers',
    status: 200,
    schemas: { path: OfferPath, body: RejectBody, response: OfferDecisionView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      403: 'only the client organisation decides on its offers',
      404: 'the request or the offer is not there, or not the caller’s to see',
      409: 'the offer was superseded, expired or decided already, its content hash is not the one named, or the request no longer waits for a decision',
    },
  },
  getOrder: {
    method: 'GET',
    path: '/requests/{requestId}/order',
    summary: 'The binding order of a request, its payments and a short-lived link to its PDF (the organisation and the agency)',
    tag: 'offers',
    status: 200,
    schemas: { path: RequestPath, response: OrderView },
    access: { table: 'read', bucket: { 'orders/': ['get'] } },
    refusals: {
      404: 'the request is not the caller’s to see, it has no binding order (yet), or the caller is an invited participant (an order is the organisation’s business document)',
    },
  },
  recordPayment: {
    method: 'POST',
    path: '/requests/{requestId}/payments',
    summary: 'Record a payment seen on the bank statement (agency staff); a wrong amount or currency is flagged, not taken',
    tag: 'offers',
    status: 200,
    schemas: { path: RequestPath, body: PaymentBody, response: PaymentResultView },
    access: { table: 'readWrite', workflow: ['start', 'report'] },
    refusals: {
      403: 'only agency staff record payments',
      409: 'the request has no binding order to pay',
      503: 'other changes of the order kept coming first; the payment was not recorded yet',
    },
  },
  paymentWebhook: {
    method: 'POST',
    path: '/payments/webhook',
    auth: 'public',
    publicBecause: 'The payment provider calls it: the HMAC signature over the raw body with the shared secret stands in for a login, checked before anything is read',
    summary: 'The payment provider’s webhook: `X-Orderdesk-Timestamp` (epoch seconds) and `X-Orderdesk-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`; idempotent by payment id',
    description: [
      'The body is JSON: `{ paymentId, variableSymbol, amount, currency, paidAt, reference? }`.',
      '',
      '- `amount` is an integer in **minor units** of `currency` (haléře, cents): 1 234,50 Kč is `123450`. A payment of exactly the order’s gross pays it; any other amount or currency is recorded and flagged to the agency (`outcome: flagged`).',
      `- \`X-Orderdesk-Timestamp\` must be within ${replayWindowSeconds / 60} minutes (either way) of orderdesk’s **business clock**, not the sender’s: one further off is refused with 401 as a replay. In AWS that is real time. Locally the clock moves with \`POST /_clock/advance\` of the workflow server (\`GET /_clock\` says where it is): after a move, a delivery stamped with real time is too old, so stamp it with the business time (\`npm run pay\` does).`,
      '- Each `paymentId` counts once (`outcome: duplicate`). A `variableSymbol` that is none of ours answers 200 `unknown_order` (do not deliver it again).',
      '- A valid delivery is never refused for contention: racing deliveries of one order are applied one after the other, and one that kept losing is answered 503 with `Retry-After`, nothing recorded: deliver it again.',
    ].join('\n'),
    tag: 'offers',
    status: 200,
    rawBody: true,
    schemas: { response: PaymentResultView },
    access: { table: 'readWrite', workflow: ['start', 'report'], secrets: ['payment-webhook'] },
    refusals: {
      400: 'a body that is not JSON, or not the notification (each field named)',
      401: `the signature is missing or wrong, or \`X-Orderdesk-Timestamp\` is more than ${replayWindowSeconds / 60} minutes from the business clock, either way (too old: a replay)`,
      409: false,
      503: 'other changes of the order kept coming first (racing deliveries); nothing was recorded, so deliver it again',
    },
  },
} satisfies RouteEntries);
