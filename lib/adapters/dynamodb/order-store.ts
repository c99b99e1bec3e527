import { GetCommand, type DocumentClient } from './document-client.js';
import { ConflictError } from '../../domain/errors.js';
import { Order } from '../../domain/orders/order.js';
import type { OrderStore } from '../../services/ports/offers-orders.js';
import { orderKey } from './keys.js';
import { TableWrite } from './table-write.js';

/** A request's binding order: one item beside the request. */
export const dynamoOrderStore = (client: DocumentClient, tableName: () => string): OrderStore => ({
  async get(requestId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: orderKey(requestId) }));
    return Item ? Order.parse(Item) : undefined;
  },

  create: (order) =>
    new TableWrite(
      `order ${order.orderNumber}`,
      { Put: { TableName: tableName(), Item: { ...orderKey(order.requestId), entity: 'order', ...order }, ConditionExpression: 'attribute_not_exists(pk)' } },
      () => new ConflictError(`Request ${order.requestId} already has a binding order`, 'Reload the request: its order stands'),
    ),

  attachDocument: (order, document) =>
    new TableWrite(
      `order ${order.orderNumber} document`,
      {
        Update: {
          TableName: tableName(),
          Key: orderKey(order.requestId),
          UpdateExpression: 'SET #document = :document',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#document)',
          ExpressionAttributeNames: { '#document': 'document' },
          ExpressionAttributeValues: { ':document': document },
        },
      },
      () => new ConflictError(`Order ${order.orderNumber} already has its document`, 'Nothing to do'),
    ),

  markPaid: (order, paidAt) =>
    new TableWrite(
      `order ${order.orderNumber} paid`,
      {
        Update: {
          TableName: tableName(),
          Key: orderKey(order.requestId),
          UpdateExpression: 'SET paidAt = :paidAt',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(paidAt)',
          ExpressionAttributeValues: { ':paidAt': paidAt },
        },
      },
      () => new ConflictError(`Order ${order.orderNumber} is paid already`, 'Nothing to do: the request is in the work queue'),
    ),
});
