import { PutCommand } from '../lib/adapters/dynamodb/document-client.js';
import { organisationItem } from '../lib/adapters/dynamodb/organisation-store.js';
import { Organisation } from '../lib/domain/organisation.js';
import { dynamoUserStore } from '../lib/adapters/dynamodb/user-store.js';
import type { Role } from '../lib/domain/roles.js';
import { cognitoClient, ensureCognitoUser } from './cognito.js';
import { localDocumentClient } from './local-table.js';
import type { LocalStackInfo } from './stack.js';

export interface NewPerson {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/**
 * A client organisation of its own and its people, made the way the demo seed makes Acme: the
 * organisation item, then a Cognito login and the user items of each person (the API has no route
 * route; the API's is `POST /orgs`). For tests and the bench, which each want one no one else files into.
 * Answers with the people's user ids, in order.
 */
export const provisionOrganisation = async (
  stack: Pick<LocalStackInfo, 'dynamodbUrl' | 'cognitoUrl' | 'tableName' | 'userPool'>,
  organisation: { orgId: string; name: string; platform?: Organisation['platform'] },
  people: readonly NewPerson[],
  now: Date = new Date(),
): Promise<string[]> => {
  const documents = localDocumentClient(stack.dynamodbUrl);
  const cognito = cognitoClient(stack.cognitoUrl);
  try {
    const createdAt = now.toISOString();
    await documents.send(new PutCommand({ TableName: stack.tableName, Item: organisationItem(Organisation.parse({ ...organisation, createdAt })) }));
    const users = dynamoUserStore(documents, () => stack.tableName);
    const userIds: string[] = [];
    for (const person of people) {
      const userId = await ensureCognitoUser(cognito, stack.userPool.userPoolId, person);
      await users.put({ userId, email: person.email, name: person.name, role: person.role, orgId: organisation.orgId, createdAt });
      userIds.push(userId);
    }
    return userIds;
  } finally {
    cognito.destroy();
  }
};
