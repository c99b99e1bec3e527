import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { Payment } from '../../domain/orders/payment.js';
import type { PaymentStore } from '../../services/ports/offers-orders.js';
import { paymentIdKey, paymentKey, paymentPrefix, requestKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { TableWrite } from './table-write.js';

const PaymentClaim = z.object({ requestId: z.string() });

/** Payments: recorded on their request, and each payment id claimed once across all requests (webhooks repeat). */
export const dynamoPaymentStore = (client: DynamoDBDocumentClient, tableName: () => string): PaymentStore => ({
  async find(paymentId) {
    const { Item: claim } = await client.send(new GetCommand({ TableName: tableName(), Key: paymentIdKey(paymentId) }));
    if (!claim) return undefined;
    const { requestId } = PaymentClaim.parse(claim);
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: paymentKey(requestId, paymentId) }));
    return Item ? Payment.parse(Item) : undefined;
  },

  list: (requestId) => queryPrefix(client, tableName(), requestKey(requestId).pk, paymentPrefix, (item) => Payment.parse(item)),

  record: (payment) => [
    new TableWrite(
      `payment id ${payment.paymentId}`,
      {
        Put: {
          TableName: tableName(),
          Item: { ...paymentIdKey(payment.paymentId), entity: 'payment-id', requestId: payment.requestId, recordedAt: payment.recordedAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      () => new ConflictError(`Payment ${payment.paymentId} is recorded already`, 'Nothing to do: a payment counts once'),
    ),
    new TableWrite(`payment ${payment.paymentId}`, { Put: { TableName: tableName(), Item: { ...paymentKey(payment.requestId, payment.paymentId), entity: 'payment', ...payment } } }),
  ],
});
