import { GetCommand, TransactWriteCommand, type DocumentClient } from './document-client.js';
import { ConflictError } from '../../domain/errors.js';
import { User } from '../../domain/user.js';
import { isAgencyRole } from '../../domain/roles.js';
import type { PeopleStore } from '../../services/ports/people.js';
import { agencyStaffIndexKey, agencyStaffPartition, emailKey, orgMembersIndexKey, orgMembersPartition, userKey } from './keys.js';
import { queryAll } from './query-all.js';
import type { RecentUsers } from './recent-users.js';
import { versionCondition } from './version-condition.js';
import { TableWrite } from './table-write.js';

export interface UserStore extends PeopleStore {
  /** Writes the user and its e-mail lookup together, unconditionally; used by provisioning and the demo seed. */
  put(user: User): Promise<void>;
}

/** The user item as stored: an organisation's people and the agency's staff are each listed by an index. */
const userItem = (user: User) => ({
  ...userKey(user.userId),
  ...(user.orgId ? orgMembersIndexKey(user.orgId, user.email) : isAgencyRole(user.role) ? agencyStaffIndexKey(user.email) : {}),
  entity: 'user',
  ...user,
});

const emailItem = (user: User) => ({ ...emailKey(user.email), entity: 'email', userId: user.userId });


const changedMeanwhile = (user: User) => () =>
  new ConflictError(`${user.name} was changed by someone else meanwhile`, 'Reload the person and try again');

export const dynamoUserStore = (client: DocumentClient, tableName: () => string, recent?: RecentUsers): UserStore => {
  const listed = (partition: string) =>
    queryAll(
      client,
      { TableName: tableName(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': partition } },
      (item) => User.parse(item),
    );
  return {
    async getUser(userId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: userKey(userId) }));
      const user = Item ? User.parse(Item) : undefined;
      if (user) recent?.remember(user);
      return user;
    },
    async findByEmail(email) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: emailKey(email) }));
      const userId = Item?.userId;
      return typeof userId === 'string' ? this.getUser(userId) : undefined;
    },
    async put(user) {
      const TableName = tableName();
      await client.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName, Item: userItem(user) } }, { Put: { TableName, Item: emailItem(user) } }] }));
    },

    create: (user) => [
      // The address's claim is the condition: one account per address, whoever invites it.
      new TableWrite(
        `e-mail claim of ${user.email}`,
        { Put: { TableName: tableName(), Item: emailItem(user), ConditionExpression: 'attribute_not_exists(pk)' } },
        () => new ConflictError(`${user.email} already has an orderdesk account`, 'Find the person among their organisation’s people (or the agency’s staff): an address has one account'),
      ),
      new TableWrite(`person ${user.userId}`, { Put: { TableName: tableName(), Item: userItem(user), ConditionExpression: 'attribute_not_exists(pk)' } }, changedMeanwhile(user)),
    ],
    replace: (read, next) =>
      new TableWrite(`person ${read.userId}`, { Put: { TableName: tableName(), Item: userItem(next), ...versionCondition(read.version) } }, changedMeanwhile(read)),
    unchanged: (user) =>
      new TableWrite(`person ${user.userId} unchanged`, { ConditionCheck: { TableName: tableName(), Key: userKey(user.userId), ...versionCondition(user.version) } }, changedMeanwhile(user)),
    remove: (user) => [
      new TableWrite(`removal of ${user.userId}`, { Delete: { TableName: tableName(), Key: userKey(user.userId), ...versionCondition(user.version) } }, changedMeanwhile(user)),
      new TableWrite(`e-mail claim of ${user.email}`, { Delete: { TableName: tableName(), Key: emailKey(user.email) } }),
    ],
    listOrganisation: (orgId) => listed(orgMembersPartition(orgId)),
    listStaff: () => listed(agencyStaffPartition),
  };
};
