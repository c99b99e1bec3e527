import { GetCommand, type DocumentClient } from './document-client.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { Participant } from '../../domain/participant.js';
import { invitationKey, participantKey, participantPrefix, requestKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { TableWrite } from './table-write.js';
import type { ParticipantStore } from '../../services/ports/requests.js';

/** People invited to single requests: an item in the request's collection, indexed by the invited person. */
export const dynamoParticipantStore = (client: DocumentClient, tableName: () => string): ParticipantStore => ({
  async isParticipant(requestId, userId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: participantKey(requestId, userId), ProjectionExpression: 'pk' }));
    return Item !== undefined;
  },

  async get(requestId, userId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: participantKey(requestId, userId) }));
    return Item ? Participant.parse(Item) : undefined;
  },

  async list(requestId) {
    const participants = await queryPrefix(client, tableName(), requestKey(requestId).pk, participantPrefix, (item) => Participant.parse(item));
    return participants.sort((a, b) => a.invitedAt.localeCompare(b.invitedAt));
  },

  add: (participant) =>
    new TableWrite(
      `participant ${participant.userId} of ${participant.requestId}`,
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...participantKey(participant.requestId, participant.userId),
            entity: 'participant',
            ...invitationKey(participant.userId, participant.invitedAt, participant.requestId),
            ...participant,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      () => new ConflictError(`${participant.email} is already invited to this request`, 'Nothing to do: they can see it'),
    ),

  remove: (requestId, userId) =>
    new TableWrite(
      `participant ${userId} of ${requestId}`,
      { Delete: { TableName: tableName(), Key: participantKey(requestId, userId), ConditionExpression: 'attribute_exists(pk)' } },
      () => new NotFoundError(`Participant ${userId}`),
    ),
});
