import type { TimelineEntry } from '../timeline-entry.js';
import type { WebhookEventKind, WebhookEventType } from './event-types.js';

/** What an event says about its request: enough for a platform to show its state and link to it. */
export interface WebhookRequestFacts {
  requestId: string;
  orgId: string;
  platform: string;
  type: string;
  title: string;
  status: string;
}

/**
 * The facts of an entry's details each type may carry, and nothing else: never a message's or a
 * note's text, nobody's e-mail, no bank account. Amounts are minor units as decimal strings, as
 * on the timeline.
 */
const factsOf: Record<WebhookEventType, readonly string[]> = {
  'request.created': [],
  'request.status_changed': ['action'],
  'offer.posted': ['offerId', 'number', 'net', 'gross', 'currency', 'validUntil', 'supersedes'],
  'offer.accepted': ['offerId', 'number', 'gross', 'currency'],
  'offer.rejected': ['offerId', 'number'],
  'offer.expired': ['offerId', 'number'],
  'order.issued': ['orderNumber', 'gross', 'currency', 'dueDate', 'variableSymbol'],
  'payment.received': ['paymentId', 'amount', 'currency'],
  'payment.flagged': ['paymentId', 'reason', 'expected', 'expectedCurrency', 'received', 'receivedCurrency', 'source'],
  'request.handed_over': ['round', 'reviewDeadline'],
  'delivery.accepted': ['round', 'rating'],
  'delivery.deemed_accepted': ['round'],
  'message.posted': [],
};

export interface WebhookEvent {
  type: WebhookEventType;
  /** When it happened (the timeline entry's time). */
  timestamp: string;
  data: {
    /** The timeline entry that is this event. */
    entryId: string;
    request: WebhookRequestFacts;
    /** Set when the event moved the request's status. */
    previousStatus?: string;
    status?: string;
    /** Who acted: a person's role on the request, or `system` (the workflow, a payment). */
    actor: { type: 'person' | 'system'; role: string };
    facts: Record<string, string>;
    /** Files the entry carried (ids only; downloads need the API and a person's access). */
    attachmentCount?: number;
    links: { portal: string; api: string };
  };
}

/** The event a subscription receives for `entry` (see `webhookEventOf`). */
export const webhookEvent = (
  entry: TimelineEntry,
  event: WebhookEventKind,
  request: WebhookRequestFacts,
  links: { portal: string; api: string },
): WebhookEvent => {
  const details = entry.details ?? {};
  const facts = Object.fromEntries(factsOf[event.type].filter((key) => details[key] !== undefined).map((key) => [key, details[key]!]));
  return {
    type: event.type,
    timestamp: entry.createdAt,
    data: {
      entryId: entry.entryId,
      request,
      ...(event.statusChanged ? { previousStatus: details.from, status: details.to } : {}),
      actor: { type: entry.actorType, role: entry.actorRole },
      facts,
      ...(entry.attachmentIds?.length ? { attachmentCount: entry.attachmentIds.length } : {}),
      links,
    },
  };
};
