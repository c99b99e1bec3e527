import * as z from 'zod';

const Recipient = z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() });

/**
 * An SES event about a sent mail, as the configuration set's EventBridge destination delivers
 * it (`detail` is SES's event record). Only the parts orderdesk acts on are checked.
 */
export const MailEvent = z.object({
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  /** When SES reported it (EventBridge always sets it): the timeline entry's time, so a redelivery writes the same entry. */
  time: z.iso.datetime(),
  detail: z.object({
    eventType: z.enum(['Bounce', 'Complaint', 'Delivery', 'Send', 'Reject', 'Open', 'Click', 'DeliveryDelay', 'Rendering Failure', 'Subscription']),
    mail: z.object({
      messageId: z.string(),
      timestamp: z.string().optional(),
      tags: z.record(z.string(), z.array(z.string())).optional(),
    }),
    bounce: z
      .object({
        bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
        bounceSubType: z.string().optional(),
        bouncedRecipients: z.array(Recipient).min(1),
        timestamp: z.string().optional(),
      })
      .optional(),
    complaint: z
      .object({
        complainedRecipients: z.array(Recipient).min(1),
        complaintFeedbackType: z.string().optional(),
        timestamp: z.string().optional(),
      })
      .optional(),
  }),
});
export type MailEvent = z.infer<typeof MailEvent>;

export interface Undeliverable {
  email: string;
  reason: 'bounce' | 'complaint';
  detail?: string;
}

/**
 * The addresses an event says to stop mailing: every recipient of a permanent bounce, and
 * whoever complained. A transient bounce (a full mailbox, a greylisting server) is not one:
 * SES retried it already, and the next mail may well arrive.
 */
export const undeliverableOf = (event: MailEvent): Undeliverable[] => {
  const { bounce, complaint } = event.detail;
  if (event.detail.eventType === 'Bounce' && bounce?.bounceType === 'Permanent') {
    return bounce.bouncedRecipients.map((r) => ({ email: r.emailAddress.toLowerCase(), reason: 'bounce', detail: r.diagnosticCode ?? bounce.bounceSubType }));
  }
  if (event.detail.eventType === 'Complaint' && complaint) {
    return complaint.complainedRecipients.map((r) => ({ email: r.emailAddress.toLowerCase(), reason: 'complaint', detail: complaint.complaintFeedbackType }));
  }
  return [];
};
