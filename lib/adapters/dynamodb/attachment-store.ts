import { GetCommand, type DocumentClient } from './document-client.js';
import { Attachment } from '../../domain/attachment.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { epochSeconds } from '../../domain/time.js';
import { attachmentItemKey, attachmentPrefix, requestKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { TableWrite } from './table-write.js';
import type { AttachmentStore } from '../../services/ports/requests.js';

/** A request's files: one item each in the request's item collection. */
export const dynamoAttachmentStore = (client: DocumentClient, tableName: () => string): AttachmentStore => ({
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

  mustBeClean: (requestId, attachmentId) =>
    new TableWrite(
      `attachment ${attachmentId} is clean`,
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: attachmentItemKey(requestId, attachmentId),
          // `scan` is one of DynamoDB's reserved words: always by a placeholder.
          ConditionExpression: '#status = :uploaded AND #scan = :clean',
          ExpressionAttributeNames: { '#status': 'status', '#scan': 'scan' },
          ExpressionAttributeValues: { ':uploaded': 'uploaded', ':clean': 'clean' },
        },
      },
      // The service read it as clean (a verdict is final); only a file gone meanwhile gets here.
      () => new ConflictError(`Attachment ${attachmentId} is not a clean file of this request`, 'List the attachments and cite only those whose `scan` is `clean`'),
    ),

  recordScan: (attachment, verdict, threat) =>
    new TableWrite(
      `attachment ${attachment.attachmentId} scanned`,
      {
        Update: {
          TableName: tableName(),
          Key: attachmentItemKey(attachment.requestId, attachment.attachmentId),
          UpdateExpression: `SET #scan = :verdict${threat ? ', threat = :threat' : ''}`,
          // Items stored before scanning existed have no `scan`: pending too. The upload's own status
          // does not matter: its file is at its key once copied, maybe just before the confirmation commits.
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#scan) OR #scan = :pending)',
          ExpressionAttributeNames: { '#scan': 'scan' },
          ExpressionAttributeValues: { ':verdict': verdict, ':pending': 'pending', ...(threat ? { ':threat': threat } : {}) },
        },
      },
      () => new ConflictError(`The scan of attachment ${attachment.attachmentId} was recorded already`, 'Nothing to do: a verdict counts once'),
    ),
});
