import { GetCommand, type DocumentClient } from './document-client.js';
import { ConflictError } from '../../domain/errors.js';
import { Offer } from '../../domain/orders/offer.js';
import type { OfferStore } from '../../services/ports/offers-orders.js';
import { offerKey, offerPrefix, requestKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { TableWrite } from './table-write.js';

/** Offers: items of the request's collection, numbered 1, 2, … (`OFFER#0001`). */
export const dynamoOfferStore = (client: DocumentClient, tableName: () => string): OfferStore => ({
  async get(requestId, number) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: offerKey(requestId, number) }));
    return Item ? Offer.parse(Item) : undefined;
  },

  list: (requestId) => queryPrefix(client, tableName(), requestKey(requestId).pk, offerPrefix, (item) => Offer.parse(item)),

  add: (offer) =>
    new TableWrite(
      `offer ${offer.offerId}`,
      { Put: { TableName: tableName(), Item: { ...offerKey(offer.requestId, offer.number), entity: 'offer', ...offer }, ConditionExpression: 'attribute_not_exists(pk)' } },
      () => new ConflictError(`Offer ${offer.number} of request ${offer.requestId} was posted by someone else a moment ago`, 'Reload the request and its offers, then post yours as the next one if it still applies'),
    ),

  settle: (before, after) =>
    new TableWrite(
      `offer ${before.offerId} ${after.status}`,
      {
        Update: {
          TableName: tableName(),
          Key: offerKey(before.requestId, before.number),
          UpdateExpression: after.decision ? 'SET #status = :status, decision = :decision' : 'SET #status = :status',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': after.status, ':open': 'open', ...(after.decision ? { ':decision': after.decision } : {}) },
        },
      },
      () => new ConflictError(`Offer ${before.number} is no longer open: it was decided, replaced or expired a moment ago`, 'Reload the request to see its current offer'),
    ),
});
