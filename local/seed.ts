import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetCommand, PutCommand, type DocumentClient } from '../lib/adapters/dynamodb/document-client.js';
import { orgKey } from '../lib/adapters/dynamodb/keys.js';
import { organisationItem } from '../lib/adapters/dynamodb/organisation-store.js';
import { Organisation } from '../lib/domain/organisation.js';
import { dynamoUserStore } from '../lib/adapters/dynamodb/user-store.js';
import { ensureCognitoUser } from './cognito.js';
import { demoOrgs, demoUsers } from './demo-data.js';

/**
 * Seeds the demo organisation and users. Idempotent: existing Cognito users keep their `sub`,
 * and the DynamoDB items are rewritten to match it, so a wiped user pool heals on the next start.
 */
export const seedDemoData = async (
  documents: DocumentClient,
  tableName: string,
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  now: Date,
) => {
  for (const org of demoOrgs) {
    // Kept: what an admin changed since (its name, settings, state). An organisation seeded before
    // organisations were listed gets its index keys.
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: orgKey(org.orgId) }));
    if (Item?.gsi1pk) continue;
    const organisation = Organisation.parse(Item ?? { ...org, createdAt: now.toISOString() });
    await documents.send(new PutCommand({ TableName: tableName, Item: organisationItem(organisation) }));
  }
  const users = dynamoUserStore(documents, () => tableName);
  for (const demo of demoUsers) {
    const userId = await ensureCognitoUser(cognito, userPoolId, demo);
    const existing = await users.getUser(userId);
    // Kept: what the person chose since (their mail preferences).
    await users.put({
      ...existing,
      userId,
      email: demo.email,
      name: demo.name,
      role: demo.role,
      orgId: demo.orgId,
      createdAt: existing?.createdAt ?? now.toISOString(),
    });
  }
};
