import { ConditionalCheckFailedException, DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DocumentClient } from './document-client.js';
import { NotFoundError } from '../../domain/errors.js';
import { defaultPreferences } from '../../domain/mail/preferences.js';
import { User } from '../../domain/user.js';
import type { PreferenceStore } from '../../services/ports/mail.js';
import { muteKey, userKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { updateExpression } from './update-expression.js';

/** Language and scope on the user item; each muted request an item of its own beside it (no size limit). */
export const dynamoPreferenceStore = (client: DocumentClient, tableName: () => string): PreferenceStore => ({
  async preferences(userId) {
    const [{ Item }, muted] = await Promise.all([
      client.send(new GetCommand({ TableName: tableName(), Key: userKey(userId) })),
      queryPrefix(client, tableName(), userKey(userId).pk, 'MUTE#', (item) => String(item.requestId)),
    ]);
    if (!Item) throw new NotFoundError('User');
    const user = User.parse(Item);
    return { language: user.language ?? defaultPreferences.language, mailScope: user.mailScope ?? defaultPreferences.mailScope, mutedRequests: muted };
  },

  async update(userId, change) {
    const set = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) return;
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: userKey(userId),
          ...updateExpression(set),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new NotFoundError('User', { cause: error });
      throw error;
    }
  },

  async mute(userId, requestId, at) {
    await client.send(new PutCommand({ TableName: tableName(), Item: { ...muteKey(userId, requestId), entity: 'mute', requestId, mutedAt: at } }));
  },

  async unmute(userId, requestId) {
    await client.send(new DeleteCommand({ TableName: tableName(), Key: muteKey(userId, requestId) }));
  },
});
