import type { DocumentClient } from './document-client.js';
import { Organisation } from '../../domain/organisation.js';
import { Request } from '../../domain/request.js';
import { User } from '../../domain/user.js';
import { batchGet, itemAt, type ItemKey } from './batch-get.js';
import { orgKey, participantKey, requestKey, userKey } from './keys.js';
import type { RecentUsers } from './recent-users.js';
import type { CallerContextReader } from '../../services/ports/people.js';

/**
 * The caller's user item, the request and the caller's invitation to it, or the organisation: one
 * BatchGetItem. The user item is always read (a deactivation holds from the next call on); the
 * one this process read last stays only as a hint of what the next call will need (recent-users.ts).
 */
export const dynamoCallerContext = (client: DocumentClient, tableName: () => string, recent: RecentUsers): CallerContextReader => ({
  async read(userId, { requestId, orgId }) {
    const keys: ItemKey[] = [userKey(userId)];
    if (requestId) keys.push(requestKey(requestId), participantKey(requestId, userId));
    if (orgId) keys.push(orgKey(orgId));
    const found = await batchGet(client, tableName(), keys);
    const userItem = itemAt(found, userKey(userId));
    const requestItem = requestId ? itemAt(found, requestKey(requestId)) : undefined;
    const organisationItem = orgId ? itemAt(found, orgKey(orgId)) : undefined;
    const user = userItem ? User.parse(userItem) : undefined;
    if (user) recent.remember(user);
    return {
      user,
      request: requestItem ? Request.parse(requestItem) : undefined,
      isParticipant: requestId !== undefined && itemAt(found, participantKey(requestId, userId)) !== undefined,
      organisation: organisationItem ? Organisation.parse(organisationItem) : undefined,
    };
  },
  recent: (userId) => recent.hint(userId),
});
