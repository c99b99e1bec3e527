import type { DocumentClient } from './document-client.js';
import type { Person } from '../../domain/mail/notification-matrix.js';
import { hasAccess } from '../../domain/people.js';
import { User } from '../../domain/user.js';
import type { MailPeopleStore, Suppression } from '../../services/ports/mail.js';
import { batchGet, itemAt } from './batch-get.js';
import { agencyStaffPartition, muteKey, orgMembersPartition, suppressionKey, userKey } from './keys.js';
import { queryAll } from './query-all.js';
import { parseSuppression } from './suppression-store.js';

const toPerson = (user: User): Person => ({
  userId: user.userId,
  email: user.email,
  name: user.name,
  role: user.role,
  orgId: user.orgId,
  language: user.language,
  mailScope: user.mailScope,
});

/** The people around requests, for the notifier: user items by index and by id (only people with access: nobody deactivated is mailed), mutes and suppressions by key. */
export const dynamoMailPeopleStore = (client: DocumentClient, tableName: () => string): MailPeopleStore => {
  const members = (partition: string) =>
    queryAll(
      client,
      { TableName: tableName(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': partition } },
      (item) => User.parse(item),
    ).then((users) => users.filter(hasAccess).map(toPerson));
  return {
    orgMembers: (orgId) => members(orgMembersPartition(orgId)),
    agencyStaff: () => members(agencyStaffPartition),

    async byIds(userIds) {
      if (userIds.length === 0) return new Map();
      const found = await batchGet(client, tableName(), userIds.map(userKey));
      const people = new Map<string, Person>();
      for (const userId of userIds) {
        const item = itemAt(found, userKey(userId));
        const user = item && User.parse(item);
        if (user && hasAccess(user)) people.set(userId, toPerson(user));
      }
      return people;
    },

    async facts(requestId, people) {
      const found = await batchGet(client, tableName(), [
        ...people.map((person) => muteKey(person.userId, requestId)),
        ...people.map((person) => suppressionKey(person.email)),
      ]);
      const muted = new Set(people.filter((person) => itemAt(found, muteKey(person.userId, requestId))).map((person) => person.userId));
      const suppressed = new Map<string, Suppression>();
      for (const person of people) {
        const item = itemAt(found, suppressionKey(person.email));
        if (item) suppressed.set(person.email.toLowerCase(), parseSuppression(item));
      }
      return { muted, suppressed };
    },
  };
};
