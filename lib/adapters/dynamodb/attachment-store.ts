import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Attachment } from '../../domain/attachment.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { epochSeconds } from '../../domain/time.js';
import { attachmentItemKey, attachmentPrefix, requestKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { TableWrite } from './table-write.js';
import type { AttachmentStore } from '../../services/ports/requests.js';

/** A request's files: one item each in the request's item collection. */
export const dynamoAttachmentStore = (client: DynamoDBDocumentClient, tableName: () => string): AttachmentStore => ({
  async get(requestId, attachmentId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: attachmentItemKey(requestId, attachmentId) }));
    return Item ? Attachment.parse(Item) : undefined;
  },

  async list(requestId) {
    const attachments = await queryPrefix(client, tableName(), requestKey(requestId).pk, attachmentPrefix, (item) => Attachment.parse(item));
    return attachments.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },

  announce: (attachment) =>
    new TableWrite(`attachment ${attachment.attachmentId}`, {
      Put: { TableName: tableName(), Item: { ...attachmentItemKey(attachment.requestId, attachment.attachmentId), entity: 'attachment', ...attachment } },
    }),

  confirm: (before, after, now) =>
    new TableWrite(
      `attachment ${before.attachmentId}`,
      {
        Update: {
          TableName: tableName(),
          Key: attachmentItemKey(before.requestId, before.attachmentId),
          UpdateExpression: `SET #status = :after${after.expiresAt === undefined ? ' REMOVE expiresAt' : ''}`,
          ConditionExpression: '#status = :before AND expiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':after': after.status, ':before': before.status, ':now': epochSeconds(now) },
        },
      },
      () => new ConflictError('This upload was already confirmed or has expired', 'List the attachments; if it is not there, ask for a new upload'),
    ),

  mustBeUploaded: (requestId, attachmentId) =>
    new TableWrite(
      `attachment ${attachmentId} is uploaded`,
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: attachmentItemKey(requestId, attachmentId),
          ConditionExpression: '#status = :uploaded',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':uploaded': 'uploaded' },
        },
      },
      () => new NotFoundError(`Uploaded attachment ${attachmentId}`),
    ),
});
