import type { TimelineEntryKind } from '../../domain/timeline-entry.js';
import { assigneeChanged } from './assignee-changed.js';
import { attachmentAdded } from './attachment-added.js';
import { attachmentBlocked } from './attachment-blocked.js';
import { mailUndeliverable } from './mail-undeliverable.js';
import { internalNote, message } from './message.js';
import { offerPosted, offerReminder } from './offers.js';
import { participantInvited, participantRemoved } from './participants.js';
import { orderIssued, paymentFlagged, paymentReminder, paymentResolved } from './payments.js';
import { rankChanged } from './rank-changed.js';
import { requestCreated } from './request-created.js';
import { reviewReminder } from './review.js';
import { statusChanged } from './status-changed.js';
import type { Template } from './template.js';

/** One template per kind of timeline entry: a new kind does not compile until it has one. */
export const templates: Record<TimelineEntryKind, Template> = {
  request_created: requestCreated,
  status_changed: statusChanged,
  message,
  internal_note: internalNote,
  attachment_added: attachmentAdded,
  participant_invited: participantInvited,
  participant_removed: participantRemoved,
  rank_changed: rankChanged,
  assignee_changed: assigneeChanged,
  mail_undeliverable: mailUndeliverable,
  offer_posted: offerPosted,
  offer_reminder: offerReminder,
  order_issued: orderIssued,
  payment_reminder: paymentReminder,
  payment_flagged: paymentFlagged,
  payment_resolved: paymentResolved,
  review_reminder: reviewReminder,
  attachment_blocked: attachmentBlocked,
};
