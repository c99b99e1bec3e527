/**
 * The business metrics orderdesk counts, in one list. The services count them through their
 * `metrics` port (`deps.metrics.count('RequestsFiled')`), each once its change is committed; the
 * functions publish them as CloudWatch EMF (unit Count) in the namespace of
 * `POWERTOOLS_METRICS_NAMESPACE` with the dimensions `service` (`orderdesk`) and `stage`. The
 * infra builds its alarms and dashboard widgets from this list: no Powertools here, so it can.
 */
export interface BusinessMetric {
  /** What one count means. */
  description: string;
  /** Any count at all is something for a person to look at: worth an alarm on its sum (> 0). */
  alarm?: true;
}

export const businessMetrics = {
  RequestsFiled: { description: 'A request was filed (a replay of the same Idempotency-Key counts once)' },
  MessagesPosted: { description: 'A message or internal note was posted, through the API or as a reply by e-mail' },
  OffersPosted: { description: 'Agency staff posted an offer (a revision too)' },
  OffersAccepted: { description: 'A client accepted an offer: a binding order (or, at zero price, work queued)' },
  OffersRejected: { description: 'A client declined an offer' },
  OffersExpired: { description: 'An offer ran out with no decision (the workflow)' },
  OrdersIssued: { description: 'An order’s PDF was rendered and stored, and its entry written (the workflow)' },
  PaymentsReceived: { description: 'A payment matched its order: the order is paid (agent or webhook)' },
  PaymentsFlagged: { description: 'A payment did not match its order (or matched no order) and was flagged to the agency' },
  PaymentsResolved: { description: 'Agency staff resolved a flagged payment: it left the list of flagged payments' },
  DeliveriesHandedOver: { description: 'Agency staff handed work over for review (every round)' },
  DeliveriesAccepted: { description: 'A client accepted a delivery' },
  DeliveriesDeemedAccepted: { description: 'A review window ended with no answer: the delivery is deemed accepted' },
  ReviewChangesRequested: { description: 'A client asked for changes to a delivery' },
  MailsSent: { description: 'SES accepted a mail (the notifier, or a parked mail sent again)' },
  MailsParked: { description: 'A mail SES kept refusing was parked for agency staff to resend', alarm: true },
  MailsSuppressed: { description: 'A mail was not sent: its address is suppressed after a bounce or complaint' },
  AddressesSuppressed: { description: 'A bounce or complaint suppressed an address (record-mail-event)' },
  InboundMailPosted: { description: 'A reply by e-mail was posted as its sender’s message' },
  InboundMailRefused: { description: 'A reply by e-mail was refused (authentication, token, sender, access, size…)' },
  InboundMailDropped: { description: 'An automatic mail (an autoresponder, a bounce) to a reply address was dropped' },
  WorkflowRemindersSent: { description: 'The workflow reminded a client of an offer, a payment or a review' },
  WorkflowsResumed: { description: 'resume-workflows started a fresh execution for a request whose execution was not running' },
  FilesInfected: { description: 'The malware scan found a threat in a file: it was moved out of reach, its sender and the agency were mailed' },
  FilesUnscannable: { description: 'The malware scan could not read a file (an encrypted or password-protected archive): it stays unopenable and its sender was asked for an unencrypted copy' },
  FileScansFailed: {
    description:
      'The malware scan failed on a file (GuardDuty was denied access to the object, or failed): the file stays unopenable. Check the malware protection plan’s status and its role in the GuardDuty console, then have the sender upload the file again (docs/operating.md)',
    alarm: true,
  },
  WebhookDeliveriesDelivered: { description: 'A webhook delivery was accepted by its receiver (a 2xx answer)' },
  WebhookDeliveriesParked: {
    description:
      'A webhook delivery failed every try for 24 hours and was parked: its receiver is down or refusing. Look at the subscription’s deliveries in the portal (Webhooks) or GET /webhooks/{id}/deliveries, have the platform fix its receiver, then send the parked deliveries again (docs/operating.md)',
    alarm: true,
  },
  WorkflowNudgesFailed: {
    description: 'A change was committed but its workflow could not be told; the hourly resume-workflows takes the request over',
    alarm: true,
  },
} as const satisfies Record<string, BusinessMetric>;

export type MetricName = keyof typeof businessMetrics;

/** Every metric name, in the order above. */
export const metricNames = Object.keys(businessMetrics) as MetricName[];
