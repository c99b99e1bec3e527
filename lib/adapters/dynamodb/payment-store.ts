import { GetCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { isOpenFlag } from '../../domain/orders/flagged-payment.js';
import { Payment } from '../../domain/orders/payment.js';
import type { PaymentStore } from '../../services/ports/offers-orders.js';
import { cursorCodec, CursorId, CursorTime } from './cursor.js';
import { flaggedPaymentsIndexKey, flaggedPaymentsPartition, paymentIdKey, paymentKey, paymentPrefix, requestKey, unmatchedPaymentKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { queryPage } from './query-page.js';
import { TableWrite } from './table-write.js';
import { updateExpression } from './update-expression.js';

/** The claim of a payment id: the request it went to, or none for a payment that matched no order. */
const PaymentClaim = z.object({ requestId: z.string().optional() });

/** Where a payment is stored: on its request, or, matching no order, beside its id's claim. */
const itemKey = (payment: Pick<Payment, 'requestId' | 'paymentId'>) =>
  payment.requestId === undefined ? unmatchedPaymentKey(payment.paymentId) : paymentKey(payment.requestId, payment.paymentId);

// Payment ids are the bank's (any single line up to 100 characters), so the position holds one as it is.
const flaggedCursor = cursorCodec('flagged-payments', z.strictObject({ at: CursorTime, paymentId: z.string().min(1).max(100), requestId: CursorId.optional() }));

/** Payments: recorded on their request, and each payment id claimed once across all requests (webhooks repeat). */
export const dynamoPaymentStore = (client: DocumentClient, tableName: () => string): PaymentStore => ({
  async find(paymentId) {
    const { Item: claim } = await client.send(new GetCommand({ TableName: tableName(), Key: paymentIdKey(paymentId) }));
    if (!claim) return undefined;
    const { requestId } = PaymentClaim.parse(claim);
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: itemKey({ requestId, paymentId }) }));
    return Item ? Payment.parse(Item) : undefined;
  },

  list: (requestId) => queryPrefix(client, tableName(), requestKey(requestId).pk, paymentPrefix, (item) => Payment.parse(item)),

  record: (payment) => [
    new TableWrite(
      `payment id ${payment.paymentId}`,
      {
        Put: {
          TableName: tableName(),
          Item: { ...paymentIdKey(payment.paymentId), entity: 'payment-id', ...(payment.requestId ? { requestId: payment.requestId } : {}), recordedAt: payment.recordedAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      () => new ConflictError(`Payment ${payment.paymentId} is recorded already`, 'Nothing to do: a payment counts once'),
    ),
    new TableWrite(`payment ${payment.paymentId}`, {
      Put: {
        TableName: tableName(),
        // A flagged payment is on the agency's list until it is resolved (resolve removes these keys).
        Item: { ...itemKey(payment), ...(isOpenFlag(payment) ? flaggedPaymentsIndexKey(payment.recordedAt, payment.paymentId) : {}), entity: 'payment', ...payment },
      },
    }),
  ],

  listFlagged: (limit, cursor) => {
    const at = cursor === undefined ? undefined : flaggedCursor.decode(cursor);
    return queryPage(client, {
      input: {
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ScanIndexForward: false,
        ExpressionAttributeValues: { ':pk': flaggedPaymentsPartition },
      },
      limit,
      parse: (item) => Payment.parse(item),
      cursorAfter: (payment) => flaggedCursor.encode({ at: payment.recordedAt, paymentId: payment.paymentId, ...(payment.requestId ? { requestId: payment.requestId } : {}) }),
      start: at && { ...itemKey(at), ...flaggedPaymentsIndexKey(at.at, at.paymentId) },
    });
  },

  resolve: (payment, resolution) => {
    // Off the flagged list with the resolution, in one write.
    const update = updateExpression({ resolution }, ['gsi1pk', 'gsi1sk']);
    return new TableWrite(
      `resolution of payment ${payment.paymentId}`,
      {
        Update: {
          TableName: tableName(),
          Key: itemKey(payment),
          UpdateExpression: update.UpdateExpression,
          // Only a flagged one nobody resolved yet: of two resolutions at once, one wins and the other is a 409.
          ConditionExpression: 'attribute_exists(pk) AND #matched = :false AND attribute_not_exists(#resolved)',
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#matched': 'matched', '#resolved': 'resolution' },
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':false': false },
        },
      },
      () => new ConflictError(`Payment ${payment.paymentId} was resolved by someone else meanwhile`, 'Nothing to do: it has left the flagged list; read its resolution on the order'),
    );
  },
});
