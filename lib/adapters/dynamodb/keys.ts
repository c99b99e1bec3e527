/** Key builders: the one place that knows how items are addressed (see table-definition.ts). */
export const userKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' });
export const emailKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' });
export const orgKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'PROFILE' });
/** Organisations by name (folded: case and diacritics ignored), for the agency's list. */
export const organisationsIndexKey = (foldedName: string, orgId: string) => ({ gsi1pk: 'ORGS', gsi1sk: `${foldedName}#${orgId}` });
export const organisationsPartition = organisationsIndexKey('', '').gsi1pk;
/** One line of an organisation's log (or the agency's: scope `agency`), in time order. */
export const auditKey = (scope: string, at: string, entryId: string) => ({ pk: `AUDIT#${scope}`, sk: `${at}#${entryId}` });
export const auditPartition = (scope: string) => auditKey(scope, '', '').pk;
export const orgMembersIndexKey = (orgId: string, email: string) => ({
  gsi1pk: `ORG#${orgId}#MEMBERS`,
  gsi1sk: email.toLowerCase(),
});

export const requestKey = (requestId: string) => ({ pk: `REQ#${requestId}`, sk: 'REQ' });
export const orgRequestsPartition = (orgId: string) => `ORG#${orgId}#REQ`;
export const allRequestsPartition = 'REQUESTS';
export const clientQueueKey = (orgId: string, requestId: string, rank: string) => ({ gsi2pk: `ORG#${orgId}#QUEUE`, gsi2sk: `${rank}#${requestId}` });
export const clientQueuePartition = (orgId: string) => clientQueueKey(orgId, '', '').gsi2pk;
export const workQueueKey = (requestId: string, readyAt: string) => ({ gsi4pk: 'WORK', gsi4sk: `${readyAt}#${requestId}` });
export const workQueuePartition = workQueueKey('', '').gsi4pk;
export const invitedPartition = (userId: string) => `USER#${userId}#INVITED`;
/** Lists of requests sort by creation, newest first; the id breaks ties. */
export const orgRequestsKey = (orgId: string, createdAt: string, requestId: string) => ({ gsi1pk: orgRequestsPartition(orgId), gsi1sk: `${createdAt}#${requestId}` });
export const allRequestsKey = (createdAt: string, requestId: string) => ({ gsi3pk: allRequestsPartition, gsi3sk: `${createdAt}#${requestId}` });
/** A participant's invitations, newest first. */
export const invitationKey = (userId: string, invitedAt: string, requestId: string) => ({ gsi1pk: invitedPartition(userId), gsi1sk: `${invitedAt}#${requestId}` });
export const counterKey = (year: number) => ({ pk: `COUNTER#REQUEST#${year}`, sk: 'COUNTER' });
export const timelinePrefix = 'TL#';
export const timelineKey = (requestId: string, createdAt: string, entryId: string) => ({
  pk: `REQ#${requestId}`,
  sk: `${timelinePrefix}${createdAt}#${entryId}`,
});
export const attachmentPrefix = 'ATT#';
export const attachmentItemKey = (requestId: string, attachmentId: string) => ({ pk: `REQ#${requestId}`, sk: `${attachmentPrefix}${attachmentId}` });
export const participantPrefix = 'PART#';
export const participantKey = (requestId: string, userId: string) => ({ pk: `REQ#${requestId}`, sk: `${participantPrefix}${userId}` });
export const idempotencyKey = (recordId: string) => ({ pk: `IDEM#${recordId}`, sk: 'IDEM' });
/** Agency staff (no organisation) are listed by their own index partition, for the notifier. */
export const agencyStaffIndexKey = (email: string) => ({ gsi1pk: 'AGENCY#STAFF', gsi1sk: email.toLowerCase() });
export const agencyStaffPartition = agencyStaffIndexKey('').gsi1pk;
export const orgMembersPartition = (orgId: string) => orgMembersIndexKey(orgId, '').gsi1pk;
/** A person muted mail about one request. */
export const muteKey = (userId: string, requestId: string) => ({ pk: `USER#${userId}`, sk: `MUTE#${requestId}` });
/** Mail to this address is not sent: it bounced for good, or its owner complained. */
export const suppressionKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'SUPPRESSED' });
/** Suppressed addresses, newest first, for the agency's list (one partition: addresses that bounced or complained are few). */
export const suppressionsIndexKey = (at: string, email: string) => ({ gsi1pk: 'MAIL#SUPPRESSED', gsi1sk: `${at}#${email.toLowerCase()}` });
export const suppressionsPartition = suppressionsIndexKey('', '').gsi1pk;
/** One mail: a group of entries (see mailGroupOf) to one person. */
export const mailRecordKey = (group: string, recipientId: string) => ({ pk: `MAIL#${group}`, sk: `TO#${recipientId}` });
/** Parked mails, oldest first, for the agency to send again. */
export const parkedMailIndexKey = (parkedAt: string, group: string, recipientId: string) => ({ gsi1pk: 'MAIL#PARKED', gsi1sk: `${parkedAt}#${group}#${recipientId}` });
export const parkedMailPartition = parkedMailIndexKey('', '', '').gsi1pk;
/** A request's offers, in their numbers' order. */
export const offerPrefix = 'OFFER#';
export const offerKey = (requestId: string, number: number) => ({ pk: `REQ#${requestId}`, sk: `${offerPrefix}${String(number).padStart(4, '0')}` });
/** A request's one binding order. */
export const orderKey = (requestId: string) => ({ pk: `REQ#${requestId}`, sk: 'ORDER' });
/** A payment as recorded on its request, and its id's claim (a payment id is recorded once, whatever the request). */
export const paymentPrefix = 'PAY#';
export const paymentKey = (requestId: string, paymentId: string) => ({ pk: `REQ#${requestId}`, sk: `${paymentPrefix}${paymentId}` });
export const paymentIdKey = (paymentId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: 'PAYMENT' });
/** A payment that named no order (its variable symbol is none of ours): kept beside its id's claim, since it has no request to live on. */
export const unmatchedPaymentKey = (paymentId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: 'UNMATCHED' });
/** Flagged payments not yet resolved, newest first, across every order (few: a flagged payment is an exception a person looks at). */
export const flaggedPaymentsIndexKey = (recordedAt: string, paymentId: string) => ({ gsi1pk: 'PAYMENTS#FLAGGED', gsi1sk: `${recordedAt}#${paymentId}` });
export const flaggedPaymentsPartition = flaggedPaymentsIndexKey('', '').gsi1pk;
/** The request's workflow execution (its owner) and the token of the task waiting on it; listed for takeovers. */
export const workflowKey = (requestId: string) => ({ pk: `REQ#${requestId}`, sk: 'WORKFLOW' });
export const workflowIndexKey = (requestId: string) => ({ gsi1pk: 'WORKFLOWS', gsi1sk: requestId });
export const workflowPartition = workflowIndexKey('').gsi1pk;
/** A reminder the workflow sent (at most once each). */
export const reminderPrefix = 'REMINDER#';
export const reminderKey = (requestId: string, reminder: string) => ({ pk: `REQ#${requestId}`, sk: `${reminderPrefix}${reminder}` });

export const handoverPrefix = 'HANDOVER#';
export const handoverKey = (requestId: string, round: number) => ({ pk: `REQ#${requestId}`, sk: `${handoverPrefix}${String(round).padStart(4, '0')}` });

/** Rating summaries: one small partition, one item per organisation and per agency person, read whole. */
export const feedbackPartition = 'FEEDBACK';
export const feedbackKey = (scope: 'organisation' | 'agent', id: string) => ({ pk: feedbackPartition, sk: `${scope === 'organisation' ? 'ORG' : 'AGENT'}#${id}` });
/** One person's mails about one request, by Message-ID, for threading (see ThreadStore). */
// Its sort key sorts before the request item ('MAILTHREAD' < 'REQ'), not between it and the
// timeline ('REQ' < 'THREAD' < 'TL#'): a timeline's first page is one Query from the request item on.
export const threadKey = (requestId: string, userId: string) => ({ pk: `REQ#${requestId}`, sk: `MAILTHREAD#${userId}` });
/** What became of a mail SES stored (`mail/<key>`), so a redelivered event posts nothing twice. */
export const inboundOutcomeKey = (objectKey: string) => ({ pk: `INBOUND#${objectKey}`, sk: 'OUTCOME' });
/** A refused reply's sender was answered (at most once a day). */
export const answeredKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'ANSWERED' });
/** The record that a person was erased (no name, no address): a second erasure answers it again. */
export const erasureKey = (userId: string) => ({ pk: `ERASED#${userId}`, sk: 'ERASURE' });
/** A webhook subscription; all of them listed through one index partition, oldest first (they are a handful). */
export const webhookSubscriptionKey = (subscriptionId: string) => ({ pk: `WEBHOOK#${subscriptionId}`, sk: 'SUBSCRIPTION' });
export const webhookSubscriptionsIndexKey = (createdAt: string, subscriptionId: string) => ({ gsi1pk: 'WEBHOOKS', gsi1sk: `${createdAt}#${subscriptionId}` });
export const webhookSubscriptionsPartition = webhookSubscriptionsIndexKey('', '').gsi1pk;
/** One webhook delivery (an event to one subscription), by its id. */
export const webhookDeliveryKey = (deliveryId: string) => ({ pk: `WHDELIVERY#${deliveryId}`, sk: 'DELIVERY' });
/** A subscription's deliveries, newest first. */
export const subscriptionDeliveriesIndexKey = (subscriptionId: string, createdAt: string, deliveryId: string) => ({
  gsi1pk: `WEBHOOK#${subscriptionId}#DELIVERIES`,
  gsi1sk: `${createdAt}#${deliveryId}`,
});
export const subscriptionDeliveriesPartition = (subscriptionId: string) => subscriptionDeliveriesIndexKey(subscriptionId, '', '').gsi1pk;
/** Pending deliveries by when their next try is due (sparse: only while pending), for the retry sweep. */
export const dueDeliveriesIndexKey = (nextAttemptAt: string, deliveryId: string) => ({ gsi3pk: 'WEBHOOK#DUE', gsi3sk: `${nextAttemptAt}#${deliveryId}` });
export const dueDeliveriesPartition = dueDeliveriesIndexKey('', '').gsi3pk;
