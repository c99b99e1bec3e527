import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { User } from '../../domain/user.js';
import { isAgencyRole } from '../../domain/roles.js';
import { agencyStaffIndexKey, emailKey, orgMembersIndexKey, userKey } from './keys.js';
import type { RecentUsers } from './recent-users.js';

export interface UserStore {
  getUser(userId: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  /** Writes the user and its e-mail lookup together; used by provisioning and the demo seed. */
  put(user: User): Promise<void>;
}

export const dynamoUserStore = (client: DynamoDBDocumentClient, tableName: () => string, recent?: RecentUsers): UserStore => ({
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
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: { ...userKey(user.userId), ...(user.orgId ? orgMembersIndexKey(user.orgId, user.email) : isAgencyRole(user.role) ? agencyStaffIndexKey(user.email) : {}), entity: 'user', ...user },
            },
          },
          { Put: { TableName, Item: { ...emailKey(user.email), entity: 'email', userId: user.userId } } },
        ],
      }),
    );
  },
});
